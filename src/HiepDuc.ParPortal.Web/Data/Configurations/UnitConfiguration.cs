using HiepDuc.ParPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.ShortName).HasMaxLength(100);
        builder.Property(u => u.SearchKey).HasMaxLength(400);
        builder.Ignore(u => u.DisplayName);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasIndex(u => new { u.Kind, u.IsActive });
    }
}
