using System.Globalization;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notices;

/// <summary>A document a notice or directive cites: "Kế hoạch số 125/KH-UBND ngày 14/8/2023".</summary>
public sealed partial class DocumentReference
{
    private DocumentReference()
    {
        Text = null!;
    }

    public DocumentReference(string text, string? kind = null, string? number = null, DateOnly? issuedOn = null, string? issuedBy = null)
    {
        Text = Guard.Required(text, "reference.text");
        Kind = Guard.Optional(kind);
        Number = Guard.Optional(number);
        IssuedOn = issuedOn;
        IssuedBy = Guard.Optional(issuedBy);
    }

    /// <summary>
    /// Reads a citation as officials write it — "Kế hoạch số 125/KH-UBND ngày 14/8/2023 của UBND huyện" — into its
    /// kind, number, date and issuer; parts it cannot find stay empty, the text is always kept.
    /// </summary>
    public static DocumentReference Parse(string text)
    {
        var t = Guard.Required(text, "reference.text");
        var kind = KindPattern().Match(t);
        var number = NumberPattern().Match(t);
        var date = DatePattern().Match(t);
        var issuer = IssuerPattern().Match(t);
        DateOnly? issuedOn = null;
        if (date.Success && DateOnly.TryParseExact($"{int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture):00}/{int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture):00}/{date.Groups[3].Value}", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            issuedOn = d;
        }

        return new DocumentReference(t, kind.Success ? kind.Value : null, number.Success ? number.Groups[1].Value : null, issuedOn, issuer.Success ? issuer.Groups[1].Value.Trim() : null);
    }

    [GeneratedRegex(@"^(Kế hoạch|Quyết định|Công văn|Thông báo|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Văn bản)", RegexOptions.IgnoreCase)]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"(\d+[a-zA-Z]?/\p{Lu}[\p{L}\d]*(?:[-–][\p{L}\d]+)*)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"của\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IssuerPattern();

    /// <summary>As written in the source.</summary>
    public string Text { get; private set; }

    /// <summary>"Kế hoạch", "Quyết định"…</summary>
    public string? Kind { get; private set; }

    /// <summary>"125/KH-UBND".</summary>
    public string? Number { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    /// <summary>"UBND huyện", "UBND tỉnh"…</summary>
    public string? IssuedBy { get; private set; }
}
