using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Auditing;
using HiepDuc.ParPortal.Domain.Files;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// The portal's unit of work. Provider-specific subclasses (<see cref="SqliteParPortalDbContext"/>,
/// <see cref="SqlServerParPortalDbContext"/>) exist only so that each provider keeps its own migration set;
/// the rest of the code depends on this class.
/// </summary>
public partial class ParPortalDbContext(DbContextOptions options, SaveServices saveServices) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();

    public DbSet<Reorganisation> Reorganisations => Set<Reorganisation>();

    public DbSet<ConclusionNotice> Notices => Set<ConclusionNotice>();

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<AssignmentEvent> AssignmentEvents => Set<AssignmentEvent>();

    public DbSet<DirectiveEvent> DirectiveEvents => Set<DirectiveEvent>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<KpiDefinition> KpiDefinitions => Set<KpiDefinition>();

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    /// <summary>The read model of the district's KPI sums (<see cref="ReadModel.KpiDistrictTotal"/>).</summary>
    public DbSet<ReadModel.KpiDistrictTotal> KpiDistrictTotals => Set<ReadModel.KpiDistrictTotal>();

    /// <summary>The read model of each unit's assignments by timing (<see cref="ReadModel.UnitTally"/>).</summary>
    public DbSet<ReadModel.UnitTally> UnitTallies => Set<ReadModel.UnitTally>();

    public DbSet<KpiReference> KpiReferences => Set<KpiReference>();

    public DbSet<DirectiveTarget> DirectiveTargets => Set<DirectiveTarget>();

    public DbSet<Domain.Notifications.ReminderLog> ReminderLogs => Set<Domain.Notifications.ReminderLog>();

    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public DbSet<Domain.Notifications.OutboxEmail> OutboxEmails => Set<Domain.Notifications.OutboxEmail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Domain.Access.ApiToken> ApiTokens => Set<Domain.Access.ApiToken>();

    /// <summary>The answers kept for API writes sent with an <c>Idempotency-Key</c> (<see cref="Features.Api.IdempotentRequest"/>).</summary>
    public DbSet<Features.Api.IdempotentRequest> IdempotentRequests => Set<Features.Api.IdempotentRequest>();

    public DbSet<PortalSetting> PortalSettings => Set<PortalSetting>();

    public DbSet<Domain.Authorities.Authority> Authorities => Set<Domain.Authorities.Authority>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(TransactionEnd.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ParPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names, so the data reads the same in any tool and survives reordering.
        foreach (var enumType in typeof(Unit).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(32);
        }
    }
}
