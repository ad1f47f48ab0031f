using HiepDuc.ParPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data.Configurations;

internal sealed class ReorganisationConfiguration : IEntityTypeConfiguration<Reorganisation>
{
    public void Configure(EntityTypeBuilder<Reorganisation> builder)
    {
        builder.ToTable("Reorganisations");
        builder.Property(r => r.Title).HasMaxLength(Reorganisation.MaxTitleLength);
        builder.Property(r => r.LegalBasis).HasMaxLength(300);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.State, r.EffectiveOn });
        builder.HasOne(r => r.Successor).WithMany().HasForeignKey(r => r.SuccessorUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Predecessors, p =>
        {
            p.ToTable("ReorganisationPredecessors");
            p.WithOwner().HasForeignKey("ReorganisationId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => x.UnitId);
        });
        builder.Navigation(r => r.Predecessors).HasField("_predecessors");
        builder.OwnsMany(r => r.OtherSuccessors, p =>
        {
            p.ToTable("ReorganisationSuccessors");
            p.WithOwner().HasForeignKey("ReorganisationId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(r => r.OtherSuccessors).HasField("_otherSuccessors");
        builder.OwnsMany(r => r.Allotments, p =>
        {
            p.ToTable("ReorganisationAllotments");
            p.WithOwner().HasForeignKey("ReorganisationId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.HasIndex(x => x.AssignmentId);
        });
        builder.Navigation(r => r.Allotments).HasField("_allotments");
    }
}
