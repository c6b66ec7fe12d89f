package cn.jiangcheng.tracker.query.common;

import org.axonframework.messaging.MetaData;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions every projection needs between events, their metadata and timestamptz columns. */
public final class ReadModelValues {
    private ReadModelValues() {
    }

    /** A metadata entry as text (who did it, from where), null when absent. */
    public static String text(MetaData metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }

    public static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
