package cn.jiangcheng.tracker.query.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** How every projection stores and reads times (timestamptz, in UTC) and builds its {@code in (…)} lists. */
public final class Columns {
    private Columns() {
    }

    public static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** "?, ?, ?": one bind marker per value. */
    public static String placeholders(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}
