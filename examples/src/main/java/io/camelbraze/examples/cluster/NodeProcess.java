/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.examples.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node as an operating-system process: the same {@code java} binary and class path as this JVM, running
 * {@link ClusterNode}, its output in {@code node.log} in its folder. Settings go on the command line as system properties;
 * secrets go in the child's environment only, so that they appear neither in {@code ps} nor in {@link #describe()}.
 */
public final class NodeProcess {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Path dir;
    private final Process process;
    private final List<String> command;

    private NodeProcess(String name, Path dir, Process process, List<String> command) {
        this.name = name;
        this.dir = dir;
        this.process = process;
        this.command = command;
    }

    /**
     * Starts a node.
     *
     * @param properties system properties for the node ({@code cluster.node} and {@code examples.workDir} are added)
     * @param secrets    environment variables for the node only
     */
    public static NodeProcess start(String name, Path dir, Map<String, String> properties, Map<String, String> secrets)
            throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dcluster.node=" + name);
        command.add("-Dexamples.workDir=" + dir.toAbsolutePath());
        command.add("-Dcluster.coordinatorPid=" + ProcessHandle.current().pid());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNode.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().putAll(secrets);
        return new NodeProcess(name, dir, builder.start(), List.copyOf(command));
    }

    public String name() {
        return name;
    }

    /** The node's folder: its log, its report, its SFTP downloads. */
    public Path dir() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM gets no chance to finish anything (no shutdown hook, no acknowledgement, no last request). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, so that Camel shuts down gracefully; SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** SIGKILL without waiting, for shutdown hooks. */
    public void killNow() {
        process.destroyForcibly();
    }

    /** The command line, with the class path shortened: what {@code ps} shows, and no secret. */
    public String describe() {
        List<String> shown = new ArrayList<>(command);
        int classPath = shown.indexOf("-cp") + 1;
        shown.set(classPath, "<" + System.getProperty("java.class.path").split(java.io.File.pathSeparator).length
                             + " class path entries>");
        return String.join(" ", shown);
    }
}
