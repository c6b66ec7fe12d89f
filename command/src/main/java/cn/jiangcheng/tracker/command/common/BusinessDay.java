package cn.jiangcheng.tracker.command.common;

import java.time.LocalDate;

/**
 * The server's date in China, injected into the handlers that need it: deadlines pass, periods open and reports are
 * late by it, so no client (nor the web layer) hands an aggregate its own day.
 */
@FunctionalInterface
public interface BusinessDay {
    LocalDate today();
}
