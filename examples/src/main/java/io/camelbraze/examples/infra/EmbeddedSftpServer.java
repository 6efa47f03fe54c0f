package io.camelbraze.examples.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An Apache MINA SSHD SFTP server on a free loopback port. One user logs in with a password and sees {@code root} as
 * {@code /}; nothing else of this machine is reachable through it.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String USER = "braze-drop";
    /** A demo password for a server that only listens on 127.0.0.1 for the life of the example. */
    public static final String PASSWORD = "example-only-password";

    private final SshServer server;
    private final Path root;

    private EmbeddedSftpServer(SshServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static EmbeddedSftpServer start(Path root) throws IOException {
        Files.createDirectories(root);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        server.start();
        return new EmbeddedSftpServer(server, root);
    }

    public int port() {
        return server.getPort();
    }

    /** The local folder the SFTP user sees as {@code /}. */
    public Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
