using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>A unit's name or a code from the address that begins like a formula stays text in the CSV template.</summary>
public class The_csv_template_writes_no_formula(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_unit_named_like_a_formula_and_a_formula_in_the_address_are_written_as_text()
    {
        await factory.QueryAsync(async db =>
        {
            db.Units.Add(new Domain.Units.Unit("FORMULA", "=HYPERLINK(\"http://example.invalid\",\"Phước Gia\")", Domain.Units.UnitKind.CommuneOrTown));
            return await db.SaveChangesAsync();
        });
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("csv.office", Roles.DistrictOffice, "VPHDND"));
        var csv = await office.GetStringAsync(new Uri("/kpis/template.csv?kpi=%2BSUM(A1)", UriKind.Relative));

        var cells = csv.Split('\n').Skip(1).Where(l => l.Length > 0).SelectMany(l => l.Split(',')).Select(c => c.Trim('"', '\r')).ToList();
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(cells, c => c == "'+SUM(A1)");
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@');
        Assert.Contains(cells, c => c.Contains("Hiệp Hòa", StringComparison.Ordinal) && c[0] != '\''); // ordinary names are written as they are
    }
}
