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
        builder.Ignore(u => u.IsFormer);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.SucceededById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasIndex(u => new { u.Kind, u.IsActive });
    }
}

internal sealed class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.UnitGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitGroupMemberConfiguration : IEntityTypeConfiguration<UnitGroupMember>
{
    public void Configure(EntityTypeBuilder<UnitGroupMember> builder)
    {
        builder.HasKey(m => new { m.UnitGroupId, m.UnitId });
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
