package cn.jiangcheng.tracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** The ceiling the command figures are compared with: plain JDBC inserts of the rows the app just wrote. */
final class RawCeilingPhase extends FullStackPhase {
    RawCeilingPhase(Run run) {
        super(run);
    }

    /** The same serialized rows, plain JDBC into a copy of the table, one transaction per row, same concurrency. */
    void rawCeiling(long afterIndex, long count) throws Exception {
        List<Row> sample = new ArrayList<>();
        try (Connection db = jdbc(); Statement st = db.createStatement()) {
            st.execute("drop table if exists bench_events");
            st.execute("drop sequence if exists bench_events_seq");
            st.execute("create table bench_events (like domainevententry including all)");
            st.execute("create sequence bench_events_seq");
            st.execute("alter table bench_events alter column globalindex set default nextval('bench_events_seq')");
            try (ResultSet rs = st.executeQuery("select aggregateidentifier, sequencenumber, type, metadata, payload, "
                    + "payloadrevision, payloadtype, timestamp from domainevententry where globalindex > " + afterIndex
                    + " order by globalindex limit 5000")) {
                while (rs.next()) {
                    sample.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                            rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        String sql = "insert into bench_events (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int warmupRows = (int) Math.min(200, count);
        AtomicLong warmNext = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<Long> latency = new ConcurrentLinkedQueue<>();
        CountDownLatch warm = new CountDownLatch(config.clients());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicLong startNanos = new AtomicLong();
        for (int c = 0; c < config.clients(); c++) {
            Thread t = new Thread(() -> {
                boolean counted = false;
                try (Connection db = jdbc(); PreparedStatement insert = db.prepareStatement(sql)) {
                    db.setAutoCommit(true);
                    for (long i = warmNext.getAndIncrement(); i < warmupRows; i = warmNext.getAndIncrement()) {
                        bind(insert, "warm-" + i, sample.get((int) (i % sample.size())));
                        insert.executeUpdate();
                    }
                    counted = true;
                    warm.countDown();
                    go.await();
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        bind(insert, "raw-" + i, sample.get((int) (i % sample.size())));
                        long t0 = System.nanoTime();
                        insert.executeUpdate();
                        latency.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors.add("raw insert: " + e);
                    }
                } finally {
                    if (!counted) {
                        warm.countDown();
                    }
                }
            }, "bench-raw-" + c);
            threads.add(t);
            t.start();
        }
        warm.await();
        startNanos.set(System.nanoTime());
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - startNanos.get()) / 1e9;
        figures.put("raw JDBC rows", (double) latency.size());
        figures.put("raw JDBC rows/s", latency.size() / seconds);
        putPercentiles("raw JDBC insert latency", latency);
        figures.put("ratio commands/s to raw rows/s", figures.get("commands/s") / figures.get("raw JDBC rows/s"));
        figures.put("ratio app events/s to raw rows/s",
                figures.get("app events/s during the mix") / figures.get("raw JDBC rows/s"));
        try (Connection db = jdbc(); Statement st = db.createStatement()) {
            st.execute("drop table bench_events");
            st.execute("drop sequence bench_events_seq");
        }
    }

    private static void bind(PreparedStatement insert, String prefix, Row row) throws SQLException {
        insert.setString(1, prefix + "-" + row.aggregateId());
        insert.setLong(2, row.seq());
        insert.setString(3, row.type());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, row.metadata());
        insert.setBytes(6, row.payload());
        insert.setString(7, row.revision());
        insert.setString(8, row.payloadType());
        insert.setString(9, row.timestamp());
    }
}
