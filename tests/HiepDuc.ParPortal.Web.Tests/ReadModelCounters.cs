using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.ReadModel;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The district's KPI sums are kept by the save pipeline in the same transaction as each unit's figure: after any
/// sequence of entries, corrections, rate-only figures and removals they equal a full recomputation from the figures;
/// <c>rebuild-read-model</c> finds and corrects a tampered row.
/// </summary>
public class The_read_model_never_drifts_from_its_source_rows(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task After_a_random_sequence_of_figure_changes_the_sums_equal_a_full_recomputation(int seed)
    {
        var rng = new Random(seed);
        var by = new Actor(null, "Văn phòng");
        var at = new DateTimeOffset(2023, 10, 5, 9, 0, 0, TimeSpan.FromHours(7));
        for (var step = 0; step < 40; step++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var kpis = await db.KpiDefinitions.Where(k => k.Kind == KpiKind.Rate).ToListAsync();
            var units = await db.Units.Select(u => u.Id).ToListAsync();
            var kpi = kpis[rng.Next(kpis.Count)];
            var unit = units[rng.Next(units.Count)];
            var period = KpiPeriod.Month(2024, 1 + rng.Next(3));
            var existing = await db.KpiMeasurements.FirstOrDefaultAsync(m => m.KpiId == kpi.Id && m.UnitId == unit && m.Period.Start == period.Start && m.Period.End == period.End);
            var denominator = rng.Next(1, 300);
            switch (existing, rng.Next(4))
            {
                case (null, 3):
                    db.KpiMeasurements.Add(KpiMeasurement.RateOnly(kpi, unit, period, rng.Next(0, 100), RateQualifier.Exact, MeasurementSource.Entered, by, at));
                    break;
                case (null, _):
                    db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, unit, period, rng.Next(0, denominator + 1), denominator, MeasurementSource.Entered, by, at));
                    break;
                case (not null, 0):
                    db.KpiMeasurements.Remove(existing);
                    break;
                default:
                    existing.Correct(rng.Next(0, denominator + 1), denominator, "sửa", MeasurementSource.Entered, by, at, kpi.Kind);
                    break;
            }

            // Now and then several changes in one save, and a district figure (which is not a unit's).
            if (step % 7 == 0)
            {
                db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, null, KpiPeriod.Month(2024, 4 + rng.Next(2)), 5, 10, MeasurementSource.Entered, by, at));
            }

            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The district figure of that month exists already: the whole save is refused, sums included.
            }
        }

        var (stored, computed) = await factory.QueryAsync(async db => (
            await db.KpiDistrictTotals.AsNoTracking().OrderBy(t => t.KpiId).ThenBy(t => t.PeriodStart).Select(t => new { t.KpiId, t.PeriodStart, t.PeriodEnd, t.Numerator, t.Denominator, t.Units }).ToListAsync(),
            (await KpiDistrictTotal.ComputeAsync(db, null, CancellationToken.None)).OrderBy(t => t.KpiId).ThenBy(t => t.PeriodStart).Select(t => new { t.KpiId, t.PeriodStart, t.PeriodEnd, t.Numerator, t.Denominator, t.Units }).ToList()));
        Assert.NotEmpty(computed);
        Assert.Equal(computed, stored);
    }

    [Fact]
    public async Task Rebuild_reports_and_corrects_a_tampered_sum()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var kpi = await db.KpiDefinitions.FirstAsync(k => k.Kind == KpiKind.Rate);
            var unit = await db.Units.Select(u => u.Id).FirstAsync();
            db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, unit, KpiPeriod.Month(2022, 1), 3, 7, MeasurementSource.Entered, new Actor(null, "Văn phòng"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE KpiDistrictTotals SET Numerator = Numerator + 1 WHERE PeriodStart = '2022-01-01'");
        }

        var output = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(factory.Services, ["rebuild-read-model"], output));
        Assert.Contains("district KPI sums: 1 drifted", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("directive roll-ups: 0 drifted", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, await factory.QueryAsync(db => db.KpiDistrictTotals.Where(t => t.PeriodStart == new DateOnly(2022, 1, 1)).Select(t => t.Numerator).SingleAsync()));

        var again = new StringWriter();
        await PortalCommands.RunAsync(factory.Services, ["rebuild-read-model"], again);
        Assert.Contains("district KPI sums: 0 drifted", again.ToString(), StringComparison.Ordinal);
    }
}
