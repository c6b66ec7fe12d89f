package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Everything the benchmark does to PostgreSQL outside the engines: database, schemas, DDL, checks, machine facts. */
final class Database {

    /** The app's Flyway migration, copied onto the classpath by bench/pom.xml. */
    static final String FLYWAY_DDL = "app-migration/V1__axon_event_store.sql";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

    private final BenchConfig config;

    Database(BenchConfig config) {
        this.config = config;
    }

    /** Creates the benchmark database through the 'postgres' database when it does not exist yet. */
    void ensureExists() throws SQLException {
        try (Connection ignored = connect(config.jdbcUrl())) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
        }
        Matcher m = URL.matcher(config.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot derive the 'postgres' database from " + config.jdbcUrl());
        }
        String name = m.group(2);
        String adminUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection admin = connect(adminUrl); Statement st = admin.createStatement()) {
            st.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
            System.out.println("created database " + name);
        }
    }

    Connection connect() throws SQLException {
        return connect(config.jdbcUrl());
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        if (!config.password().isEmpty()) {
            properties.setProperty("password", config.password());
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Drops the schema with everything in it and creates the app's tables there with the Flyway DDL, unchanged. */
    void recreateSchema(String schema) throws SQLException, IOException {
        String ddl;
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(FLYWAY_DDL)) {
            if (in == null) {
                throw new IllegalStateException(FLYWAY_DDL + " is not on the classpath; build the bench module first");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
            st.execute("create schema " + schema);
            st.execute("set search_path to " + schema);
            st.execute(ddl);
        }
    }

    void recreateSchemaEmpty(String schema) throws SQLException {
        dropSchema(schema);
        execute("create schema " + schema);
    }

    void dropSchema(String schema) throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** table.column -> data type, for every payload, metadata and token column of the schema. */
    Map<String, String> binaryColumnTypes(String schema) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = ? and column_name in ('payload', 'metadata', 'token')
                order by table_name, column_name""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                }
            }
        }
        return types;
    }

    /** "name (increment n)" for every sequence of the schema. */
    List<String> sequences(String schema) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select sequence_name, increment from information_schema.sequences
                where sequence_schema = ? order by sequence_name""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getString(1) + " (increment " + rs.getString(2) + ")");
                }
            }
        }
        return sequences;
    }

    long count(String schema, String table) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of pg_largeobject_metadata: large objects a @Lob mapping would have created. */
    long largeObjects() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_largeobject_metadata")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    HikariDataSource pool(String schema, int size, String name) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        if (!config.password().isEmpty()) {
            hikari.setPassword(config.password());
        }
        hikari.setSchema(schema);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(size);
        hikari.setPoolName(name);
        return new HikariDataSource(hikari);
    }

    /** Facts that make a figure comparable: hardware, PostgreSQL version and its durability settings. */
    Map<String, String> machine() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        facts.put("Memory", memory());
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                facts.put("PostgreSQL", rs.getString(1));
            }
            StringBuilder settings = new StringBuilder();
            try (ResultSet rs = st.executeQuery("""
                    select name, setting, unit from pg_settings
                    where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'commit_delay')
                    order by name""")) {
                while (rs.next()) {
                    if (!settings.isEmpty()) {
                        settings.append(", ");
                    }
                    settings.append(rs.getString(1)).append('=').append(rs.getString(2));
                    if (rs.getString(3) != null) {
                        settings.append(" × ").append(rs.getString(3));
                    }
                }
            }
            facts.put("PostgreSQL settings", settings.toString());
        }
        Matcher url = URL.matcher(config.jdbcUrl());
        String host = url.matches() ? url.group(1).replaceFirst("jdbc:postgresql://", "").replaceFirst("/$", "") : "?";
        facts.put("Client", host.startsWith("127.") || host.startsWith("localhost")
                ? "benchmark and PostgreSQL share this machine (TCP over loopback, " + host + ")"
                : "PostgreSQL at " + host);
        return facts;
    }

    /** 1, 5 and 15 minute load averages; on a small machine anything else running shows up in the figures. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
