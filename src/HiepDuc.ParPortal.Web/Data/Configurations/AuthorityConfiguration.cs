using HiepDuc.ParPortal.Domain.Authorities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(Authority.CodeLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(Authority.NameLength);
        builder.Property(a => a.Place).HasMaxLength(Authority.NameLength);
        builder.Property(a => a.OfficeUnitCode).HasMaxLength(Authority.CodeLength);
        builder.Property(a => a.PortalName).HasMaxLength(Authority.NameLength);
        builder.Property(a => a.ShortName).HasMaxLength(Authority.NameLength);
        builder.Property(a => a.SteeringBody).HasMaxLength(Authority.NameLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Authority>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
