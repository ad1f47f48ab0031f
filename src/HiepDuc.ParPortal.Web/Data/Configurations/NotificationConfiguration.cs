using HiepDuc.ParPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> builder)
    {
        // The guarantee of "exactly once": a second insert of the same reminder fails in the database.
        builder.HasIndex(r => new { r.AssignmentId, r.Kind, r.Day }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Title).HasMaxLength(500);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        // One notification per event and person, whatever happens twice; "[x]" quoting is read by SQLite and SQL Server alike.
        builder.Property(n => n.EventKey).HasMaxLength(40);
        builder.HasIndex(n => new { n.UserId, n.EventKey }).IsUnique().HasFilter("[EventKey] IS NOT NULL");
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.TextBody).HasMaxLength(20_000);
        builder.Property(e => e.HtmlBody).HasMaxLength(40_000);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}

internal sealed class PortalSettingConfiguration : IEntityTypeConfiguration<Web.Data.PortalSetting>
{
    public void Configure(EntityTypeBuilder<Web.Data.PortalSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(1000);
    }
}
