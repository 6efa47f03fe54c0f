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
package io.camelbraze.trigger.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a JVM of its own (own heap limit), with this JVM's class path, echoing its output
 * and returning the key=value pairs of the line it prints starting with {@code RESULT}.
 */
final class Fork {

    private Fork() {
    }

    /** The RESULT pairs, plus {@code exit} (the exit code); {@code exit=timeout} when it ran longer than {@code timeout}. */
    static Map<String, String> run(List<String> jvmOptions, Class<?> main, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = new LinkedHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("RESULT ")) {
                        for (String pair : line.substring("RESULT ".length()).split(" ")) {
                            int eq = pair.indexOf('=');
                            synchronized (result) {
                                result.put(pair.substring(0, eq), pair.substring(eq + 1));
                            }
                        }
                    } else {
                        System.out.println("  | " + line);
                    }
                }
            } catch (IOException e) {
                System.out.println("  | (output lost: " + e + ")");
            }
        }, "fork-output");
        reader.start();
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join();
        synchronized (result) {
            result.put("exit", ended ? String.valueOf(process.exitValue()) : "timeout");
            return new LinkedHashMap<>(result);
        }
    }

    /** exec:java runs this module in a class loader of its own: its URLs are the class path (else java.class.path). */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = Fork.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
                break;
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }
}
