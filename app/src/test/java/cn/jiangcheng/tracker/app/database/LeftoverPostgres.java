package cn.jiangcheng.tracker.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/** Run as its own JVM: starts the app's embedded server, writes a row, says READY and waits to be killed. */
public final class LeftoverPostgres {
    private LeftoverPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedServers.start(Path.of(args[0]), Map.of());
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table left_behind (note text)");
            statement.execute("insert into left_behind values ('written before the app was killed')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
