using HiepDuc.ParPortal.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.RevokedBy).HasMaxLength(256);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<Features.Api.IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<Features.Api.IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.Property(r => r.Key).HasMaxLength(Features.Api.IdempotentRequest.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Body).HasMaxLength(1_000_000);
        builder.HasIndex(r => new { r.TokenId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<ApiToken>().WithMany().HasForeignKey(r => r.TokenId).OnDelete(DeleteBehavior.Cascade);
    }
}
