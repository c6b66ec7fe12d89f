package cn.jiangcheng.tracker.api.common;

/**
 * The record does not exist, or exists in another tenant: both answer the same so that
 * nobody learns what other cities hold.
 */
public class NotFoundInScope extends RuntimeException {
    public NotFoundInScope(String message) {
        super(message);
    }
}
