package cn.jiangcheng.tracker.app.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** A command that needs nothing but the version the caller saw (409 when the record changed since). */
public record VersionRequest(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
}
