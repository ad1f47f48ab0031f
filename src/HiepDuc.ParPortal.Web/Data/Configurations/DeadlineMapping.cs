using HiepDuc.ParPortal.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

/// <summary>Maps a <see cref="Deadline"/> as columns of its owner (one shape for directives and assignments).</summary>
internal static class DeadlineMapping
{
    public static void MapDeadline(this ComplexPropertyBuilder<Deadline> d)
    {
        d.Property(x => x.Kind).HasColumnName("DeadlineKind");
        d.Property(x => x.LastDay).HasColumnName("DeadlineLastDay");
        d.Property(x => x.IsUrgent).HasColumnName("DeadlineUrgent");
        d.Property(x => x.WrittenAs).HasColumnName("DeadlineWrittenAs").HasMaxLength(200);
        d.Property(x => x.RecurrenceCode).HasColumnName("DeadlineRecurrence").HasMaxLength(10);
    }
}
