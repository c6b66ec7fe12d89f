/**
 * 审计: what auditors see and how they check it — the event search and export ({@link
 * cn.jiangcheng.tracker.app.audit.AuditLog}), the hash chain written with every append ({@link
 * cn.jiangcheng.tracker.app.audit.EventChain}, {@link cn.jiangcheng.tracker.app.audit.ChainVerifier}), a record's
 * history and state as of any moment ({@link cn.jiangcheng.tracker.app.audit.AggregateHistory},
 * the as-of views) and the log of the auditors' own reads ({@link cn.jiangcheng.tracker.app.audit.AuditTrail}); and
 * the rebuild of a projection ({@link cn.jiangcheng.tracker.app.audit.ProjectionAdmin}), whose reads are refused
 * until it is whole again ({@link cn.jiangcheng.tracker.app.audit.ProjectionReadGuard}).
 *
 * <p>Unlike every other feature it reads the event store (domainevententry and the chain's tables) directly with
 * SQL instead of asking a projection in {@code query}: the audit must show what was stored, byte for byte and in
 * commit order, not what a read model made of it. A projection could lag, be rebuilt, or carry the very mistake the
 * auditor is looking for, and the chain can only be verified over the stored payloads themselves. That is also why
 * audit lives in {@code app}, next to the Axon storage engine it hooks into, and has no query-side counterpart.
 */
package cn.jiangcheng.tracker.app.audit;
