using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Parsing;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.NoticeImport;

/// <summary>
/// Reads a notice's text against the portal's registry and KPI catalogue: one reading for the import page and for
/// <c>parse-notice</c>, so the command prints exactly what the preview proposes.
/// </summary>
public sealed class NoticeReading(ParPortalDbContext db, TimeProvider clock)
{
    public async Task<List<RegistryUnit>> RegistryAsync(CancellationToken cancellationToken) =>
        // Former units too: an old notice, or a new one written with an old name, still names them (NoticeImportController maps them).
        await db.Units.AsNoTracking().Where(u => u.IsActive || u.SucceededById != null).Select(u => new RegistryUnit(u.Id, u.Code, u.Name, u.ShortName, u.Kind)).ToListAsync(cancellationToken);

    public async Task<List<KpiKeywords>> KpisAsync(CancellationToken cancellationToken) =>
        (await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).Select(k => new { k.Code, k.Name, k.Keywords }).ToListAsync(cancellationToken))
            .Select(k => new KpiKeywords(k.Code, k.Keywords is null ? [k.Name] : k.Keywords.Split('\n'))).ToList();

    /// <summary>
    /// The text of a notice file as the parser reads it: a Word file's paragraphs and tables, a .txt or .md file as it is
    /// (any other file too when <paramref name="anyText"/>: the command line reads what it is given).
    /// </summary>
    /// <exception cref="InvalidDataException">An upload that is neither .docx, .txt nor .md.</exception>
    public static async Task<string> TextOfAsync(string fileName, Stream stream, CancellationToken cancellationToken, bool anyText = false)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".docx", StringComparison.Ordinal))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return DocxText.Extract(buffer);
        }

        if (anyText || name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".md", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }

        throw new InvalidDataException("type");
    }

    public async Task<(ParsedNotice Notice, List<RegistryUnit> Registry)> ReadAsync(string text, CancellationToken cancellationToken)
    {
        var registry = await RegistryAsync(cancellationToken);
        return (NoticeParser.Parse(text, registry, await KpisAsync(cancellationToken), clock.Today()), registry);
    }

    /// <summary>The reading as JSON, in the shape docs/import.md documents.</summary>
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Json(ParsedNotice p, IReadOnlyList<RegistryUnit> registry)
    {
        var byId = registry.ToDictionary(u => u.Id);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        JsonObject Unit(int? id, string text) => id is { } i && byId.TryGetValue(i, out var u)
            ? new JsonObject { ["name"] = u.Name, ["code"] = u.Code }
            : new JsonObject { ["name"] = text.Trim(), ["code"] = null };
        JsonArray Units(ParsedTask t, Domain.Assignments.AssignmentRole role) =>
            [.. t.Units.Where(u => u.Role == role).Select(u => (JsonNode)Unit(u.UnitId, u.Text))];
        static string Kind(Deadline d) => d.Kind switch
        {
            DeadlineKind.Date => "date",
            DeadlineKind.Month => "month",
            DeadlineKind.Quarter => "quarter",
            DeadlineKind.Year => "year",
            DeadlineKind.Ongoing => "ongoing",
            DeadlineKind.Recurring => "recurring",
            _ => d.IsUrgent ? "urgent" : "none",
        };

        var root = new JsonObject
        {
            ["number"] = p.Number.Value,
            ["issuingBody"] = p.IssuingBody.Value,
            ["issued"] = Day(p.IssueDate.Value),
            ["meeting"] = Day(p.MeetingDate.Value),
            ["meetingCertain"] = p.MeetingDate.Certain,
            ["chair"] = p.ChairedBy.Value,
            ["monitoring"] = p.MonitoringUnitId.Value is { } m ? Unit(m, string.Empty) : null,
            ["tasks"] = new JsonArray([.. p.Tasks.Select(t => (JsonNode)new JsonObject
            {
                ["label"] = t.Label,
                ["title"] = t.Title.Value,
                ["lead"] = Units(t, Domain.Assignments.AssignmentRole.Lead),
                ["coordinating"] = Units(t, Domain.Assignments.AssignmentRole.Coordinating),
                ["implementing"] = Units(t, Domain.Assignments.AssignmentRole.Implementing),
                ["deadline"] = new JsonObject
                {
                    ["kind"] = Kind(t.Deadline.Value),
                    ["lastDay"] = Day(t.Deadline.Value.LastDay),
                    ["recurrence"] = t.Deadline.Value.RecurrenceCode,
                    ["written"] = t.Deadline.Value.WrittenAs,
                },
                ["references"] = new JsonArray([.. t.References.Select(r => (JsonNode?)JsonValue.Create(r.Reference.Number ?? r.Reference.Text))]),
                ["targets"] = new JsonArray([.. t.Targets.Select(x => (JsonNode)new JsonObject
                {
                    ["kpi"] = x.KpiCode,
                    ["kind"] = x.Kind.ToString(),
                    ["value"] = x.Value,
                    ["written"] = x.Text,
                })]),
            })]),
            // As the notice writes them, in Vietnamese whatever the machine's culture: "28,72 %".
            ["figures"] = new JsonArray([.. p.Figures.Select(f => (JsonNode?)JsonValue.Create(f.Value.ToString("0.##", Vietnamese) + " %"))]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
