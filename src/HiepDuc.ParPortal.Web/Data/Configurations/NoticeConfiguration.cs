using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<ConclusionNotice>
{
    public void Configure(EntityTypeBuilder<ConclusionNotice> builder)
    {
        builder.ToTable("Notices");
        builder.Property(n => n.Number).HasMaxLength(50);
        builder.Property(n => n.IssuingBody).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(1000);
        builder.Property(n => n.MeetingBody).HasMaxLength(300);
        builder.Property(n => n.Session).HasMaxLength(100);
        builder.Property(n => n.ChairedBy).HasMaxLength(300);
        builder.Property(n => n.SignedBy).HasMaxLength(300);
        builder.Property(n => n.FullText).HasMaxLength(200_000);
        builder.Property(n => n.SearchKey).HasMaxLength(2000);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => n.MeetingDate);
        builder.HasIndex(n => n.IsPublic);

        // The duplicate rule (NoticeIdentity) looks notices up by these.
        builder.Property(n => n.IssuerKey).HasMaxLength(200);
        builder.Property(n => n.NumberKey).HasMaxLength(50);
        builder.Property(n => n.ContentKey).HasMaxLength(64);
        builder.HasIndex(n => new { n.IssuerKey, n.NumberKey });
        builder.HasIndex(n => new { n.IssuerKey, n.MeetingDate, n.ContentKey });
        builder.HasMany(n => n.Directives).WithOne(d => d.Notice).HasForeignKey(d => d.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(n => n.References, r =>
        {
            r.ToTable("NoticeReferences");
            r.MapReference();
        });
    }
}

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.Property(d => d.Label).HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.FullText).HasMaxLength(20_000);
        builder.Property(d => d.CancelReason).HasMaxLength(2000);
        builder.Property(d => d.SearchKey).HasMaxLength(22_000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.ComplexProperty(d => d.Deadline, d => d.MapDeadline());
        builder.HasIndex(d => new { d.NoticeId, d.Label }).IsUnique();
        builder.HasIndex(d => new { d.NoticeId, d.SortOrder });
        builder.HasIndex(d => new { d.RollupDueOn, d.IsCancelled });
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(d => d.MonitoringUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Assignments).WithOne(a => a.Directive).HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.References, r =>
        {
            r.ToTable("DirectiveReferences");
            r.MapReference();
        });
    }
}

internal static class ReferenceMapping
{
    public static void MapReference<TOwner>(this OwnedNavigationBuilder<TOwner, DocumentReference> r)
        where TOwner : class
    {
        r.Property<int>("Id");
        r.HasKey("Id");
        r.Property(x => x.Text).HasMaxLength(500);
        r.Property(x => x.Kind).HasMaxLength(50);
        r.Property(x => x.Number).HasMaxLength(50);
        r.Property(x => x.IssuedBy).HasMaxLength(100);
    }
}
