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
        // Three lists the reorganisation owns, each in a table of its own with a key of its own.
        UnitList(builder.OwnsMany(r => r.Predecessors), "ReorganisationPredecessors", x => x.UnitId).HasIndex(x => x.UnitId);
        builder.Navigation(r => r.Predecessors).HasField("_predecessors");
        UnitList(builder.OwnsMany(r => r.OtherSuccessors), "ReorganisationSuccessors", x => x.UnitId);
        builder.Navigation(r => r.OtherSuccessors).HasField("_otherSuccessors");
        UnitList(builder.OwnsMany(r => r.Allotments), "ReorganisationAllotments", unit: null).HasIndex(x => x.AssignmentId);
        builder.Navigation(r => r.Allotments).HasField("_allotments");
    }

    private static OwnedNavigationBuilder<Reorganisation, T> UnitList<T>(OwnedNavigationBuilder<Reorganisation, T> p, string table, System.Linq.Expressions.Expression<Func<T, object?>>? unit)
        where T : class
    {
        p.ToTable(table);
        p.WithOwner().HasForeignKey("ReorganisationId");
        p.Property<int>("Id");
        p.HasKey("Id");
        if (unit is not null)
        {
            p.HasOne<Unit>().WithMany().HasForeignKey(unit).OnDelete(DeleteBehavior.Restrict);
        }

        return p;
    }
}
