using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// Rows the portal keeps for its own running, not records of the work: audit entries, notifications, the reminder log
/// the mail outbox (themselves records of what was sent), the kept answers of idempotent API writes, node leases and Data Protection keys. They are not
/// audited (a key's XML is secret material) and do not invalidate cached read models.
/// </summary>
internal static class Bookkeeping
{
    public static bool Is(object entity) => entity is Domain.Auditing.AuditEntry or Domain.Notifications.Notification
        or Domain.Notifications.ReminderLog or Domain.Notifications.OutboxEmail or Lease or DataProtectionKey or ReadModel.KpiDistrictTotal or ReadModel.UnitTally
        or Features.Account.SignInThrottle or Features.Api.IdempotentRequest;
}
