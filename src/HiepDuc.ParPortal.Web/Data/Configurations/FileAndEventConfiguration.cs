using HiepDuc.ParPortal.Domain.Files;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.OriginalName).HasMaxLength(255);
        builder.Property(f => f.StoredName).HasMaxLength(100);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
        builder.Property(f => f.UploadedByName).HasMaxLength(200);
        builder.HasOne(f => f.Assignment).WithMany().HasForeignKey(f => f.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Report).WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Notice).WithMany().HasForeignKey(f => f.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.AssignmentId);
        builder.HasIndex(f => f.ReportId);
        builder.HasIndex(f => f.NoticeId);
    }
}

internal sealed class DirectiveEventConfiguration : IEntityTypeConfiguration<DirectiveEvent>
{
    public void Configure(EntityTypeBuilder<DirectiveEvent> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(8000);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne(e => e.Directive).WithMany(d => d.Events).HasForeignKey(e => e.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DirectiveId, e.At });
    }
}
