using HiepDuc.ParPortal.Domain.Kpis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class KpiDefinitionConfiguration : IEntityTypeConfiguration<KpiDefinition>
{
    public void Configure(EntityTypeBuilder<KpiDefinition> builder)
    {
        builder.Property(k => k.Code).HasMaxLength(50);
        builder.Property(k => k.Name).HasMaxLength(300);
        builder.Property(k => k.Description).HasMaxLength(2000);
        builder.Property(k => k.NumeratorLabel).HasMaxLength(200);
        builder.Property(k => k.DenominatorLabel).HasMaxLength(200);
        builder.Property(k => k.TargetReference).HasMaxLength(50);
        builder.Property(k => k.TargetSource).HasMaxLength(300);
        builder.Property(k => k.SearchKey).HasMaxLength(400);
        builder.Property(k => k.Keywords).HasMaxLength(1300);
        builder.Property(k => k.CoverageExemptions).HasMaxLength(4000);
        builder.Ignore(k => k.ExemptUnitIds);
        builder.Ignore(k => k.KeywordList);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => k.Code).IsUnique();
    }
}

internal sealed class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(KpiMeasurement.MaxNoteLength);
        builder.Property(m => m.RecordedBy).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Rate);
        builder.Ignore(m => m.IsRateOnly);
        builder.ComplexProperty(m => m.Period, p => p.MapPeriod());
        builder.HasOne(m => m.Kpi).WithMany().HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Notices.ConclusionNotice>().WithMany().HasForeignKey(m => m.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.KpiId, m.UnitId });
        // Also IX_KpiMeasurements_KpiId_Period (KpiId, PeriodStart, PeriodEnd, UnitId, Numerator, Denominator), created by
        // the Initial migrations: EF cannot declare an index over a complex property's columns.
        builder.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MeasurementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiRevisionConfiguration : IEntityTypeConfiguration<KpiRevision>
{
    public void Configure(EntityTypeBuilder<KpiRevision> builder)
    {
        builder.ToTable("KpiRevisions");
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class KpiReferenceConfiguration : IEntityTypeConfiguration<KpiReference>
{
    public void Configure(EntityTypeBuilder<KpiReference> builder)
    {
        builder.Property(r => r.Series).HasMaxLength(50);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.ComplexProperty(r => r.Period, p => p.MapPeriod());
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.KpiId, r.Series });
    }
}

internal sealed class DirectiveTargetConfiguration : IEntityTypeConfiguration<DirectiveTarget>
{
    public void Configure(EntityTypeBuilder<DirectiveTarget> builder)
    {
        builder.Property(t => t.Reference).HasMaxLength(50);
        builder.ComplexProperty(t => t.Period, p => p.MapPeriod());
        builder.HasOne<Domain.Notices.Directive>().WithMany().HasForeignKey(t => t.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.DirectiveId);
    }
}

internal static class PeriodMapping
{
    /// <summary>A <see cref="KpiPeriod"/> as two date columns of its owner (figures, references, directive targets).</summary>
    public static void MapPeriod(this ComplexPropertyBuilder<KpiPeriod> p)
    {
        p.Property(x => x.Start).HasColumnName("PeriodStart");
        p.Property(x => x.End).HasColumnName("PeriodEnd");
    }
}

internal sealed class KpiDistrictTotalConfiguration : IEntityTypeConfiguration<ReadModel.KpiDistrictTotal>
{
    public void Configure(EntityTypeBuilder<ReadModel.KpiDistrictTotal> builder)
    {
        builder.ToTable("KpiDistrictTotals");
        builder.HasKey(t => new { t.KpiId, t.PeriodStart, t.PeriodEnd });
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitTallyConfiguration : IEntityTypeConfiguration<ReadModel.UnitTally>
{
    public void Configure(EntityTypeBuilder<ReadModel.UnitTally> builder)
    {
        builder.ToTable("UnitTallies");
        builder.Ignore(t => t.Key);
        builder.HasIndex(t => new { t.UnitId, t.Status, t.LastDayInForce });
        builder.Property(t => t.KeyText).HasMaxLength(80);
        builder.HasIndex(t => t.KeyText).IsUnique(); // a counter is found by its key in each save, and stored once
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
