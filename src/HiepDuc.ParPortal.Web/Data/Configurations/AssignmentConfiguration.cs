using HiepDuc.ParPortal.Domain.Assignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ExtensionReason).HasMaxLength(2000);
        builder.Property(a => a.ObjectiveCause).HasMaxLength(Assignment.MaxObjectiveCauseLength);
        builder.Property(a => a.ObjectiveCauseBy).HasMaxLength(200);
        builder.Ignore(a => a.IsExcused);
        builder.ComplexProperty(a => a.Deadline, d => d.MapDeadline());
        builder.Ignore(a => a.IsOpen);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A unit is given a directive once; after a merger its successor may carry several of its predecessors' shares.
        builder.HasIndex(a => new { a.DirectiveId, a.OriginUnitId }).IsUnique();
        builder.HasIndex(a => new { a.DirectiveId, a.UnitId });
        builder.HasOne(a => a.OriginUnit).WithMany().HasForeignKey(a => a.OriginUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UnitId, a.Status, a.LastDayInForce, a.DirectiveId });
        builder.HasIndex(a => new { a.Status, a.LastDayInForce });
        builder.HasIndex(a => new { a.Status, a.HeardOn }); // silent and stale work: AssignmentRules.Silent, AssignmentRules.State
        builder.HasMany(a => a.Reports).WithOne(r => r.Assignment).HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne(e => e.Assignment).HasForeignKey(e => e.AssignmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(8000);
        builder.Property(r => r.ReportedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReportedByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.AssignmentId, r.ReportedAt });
    }
}

internal sealed class AssignmentEventConfiguration : IEntityTypeConfiguration<AssignmentEvent>
{
    public void Configure(EntityTypeBuilder<AssignmentEvent> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(8000);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.Property(e => e.UnitName).HasMaxLength(200);
        builder.HasOne(e => e.Report).WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AssignmentId, e.At });
    }
}
