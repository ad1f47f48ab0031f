using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>
/// Finds units in notice text ignoring diacritics and case, with the abbreviations officials use (VP ↔ Văn phòng,
/// &amp; ↔ và, CN ↔ Chi nhánh, VPĐKĐĐ), and the group phrases: "các xã, thị trấn" (every commune/town),
/// "cơ quan chuyên môn" (every district agency), "các cơ quan, đơn vị" (both).
/// </summary>
internal sealed partial class UnitMatcher
{
    private static readonly string[] Stop = ["van phong", "phong", "ubnd", "xa", "thi tran", "huyen", "chi nhanh", "ban"];

    private readonly List<(string Alias, IReadOnlyList<int> Ids)> _aliases;
    private readonly Dictionary<int, string> _names;

    public UnitMatcher(IReadOnlyList<RegistryUnit> registry)
    {
        _names = registry.ToDictionary(u => u.Id, u => u.ShortName ?? u.Name);
        var communes = registry.Where(u => u.Kind == UnitKind.CommuneOrTown).Select(u => u.Id).ToList();
        var agencies = registry.Where(u => u.Kind == UnitKind.DistrictAgency).Select(u => u.Id).ToList();
        var both = agencies.Concat(communes).ToList();
        var aliases = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var phrase in new[] { "chu tich ubnd cac xa, thi tran", "ubnd cac xa, thi tran", "ubnd cac xa thi tran", "cac xa, thi tran", "cac xa thi tran", "ubnd cac xa", "cac xa", "xa, thi tran" })
        {
            aliases[phrase] = communes;
        }

        foreach (var phrase in new[] { "cac co quan chuyen mon", "co quan chuyen mon", "cac phong, ban", "cac phong ban", "cac co quan, don vi huyen", "cac co quan, don vi cap huyen" })
        {
            aliases[phrase] = agencies;
        }

        foreach (var phrase in new[] { "cac co quan, don vi", "cac co quan don vi", "cac don vi, dia phuong", "cac co quan, don vi, dia phuong" })
        {
            aliases[phrase] = both;
        }

        foreach (var unit in registry)
        {
            foreach (var alias in Variants(unit))
            {
                if (alias.Length >= 5 && !Stop.Contains(alias) && !aliases.ContainsKey(alias))
                {
                    aliases[alias] = [unit.Id];
                }
            }
        }

        _aliases = aliases.OrderByDescending(a => a.Key.Length).Select(a => (a.Key, a.Value)).ToList();
    }

    public sealed record Hit(IReadOnlyList<int> UnitIds, string Text, Span Span);

    public string Name(int id) => _names.GetValueOrDefault(id, "?");

    /// <summary>Every unit or group named in the span, longest match first, without overlaps.</summary>
    public IEnumerable<Hit> Find(string text, string folded, Span span)
    {
        var taken = new bool[span.Length];
        var hits = new List<Hit>();
        var segment = folded.Substring(span.Start, span.Length);
        foreach (var (alias, ids) in _aliases)
        {
            for (var i = segment.IndexOf(alias, StringComparison.Ordinal); i >= 0; i = segment.IndexOf(alias, i + 1, StringComparison.Ordinal))
            {
                var end = i + alias.Length;
                var boundary = (i == 0 || !char.IsLetterOrDigit(segment[i - 1])) && (end == segment.Length || !char.IsLetterOrDigit(segment[end]));
                // "Bưu điện tỉnh", "Văn phòng HĐND và UBND xã" are another level's bodies, not this registry's "Bưu điện (huyện)".
                if (!boundary || Enumerable.Range(i, alias.Length).Any(k => taken[k]) || OtherLevel().IsMatch(segment.AsSpan(end)))
                {
                    continue;
                }

                for (var k = i; k < end; k++)
                {
                    taken[k] = true;
                }

                hits.Add(new Hit(ids, text.Substring(span.Start + i, alias.Length), new Span(span.Start + i, alias.Length)));
            }
        }

        // "UBND các xã Bình Sơn, Quế Thọ" ("Các xã: Bình Lâm, Sông Trà") names those communes, not every commune: a group word right before a named
        // commune is dropped.
        var ordered = hits.OrderBy(h => h.Span.Start).ToList();
        return ordered.Where((h, i) => !(h.UnitIds.Count > 1 && i + 1 < ordered.Count && ordered[i + 1].UnitIds.Count == 1
            && text.AsSpan(h.Span.End, ordered[i + 1].Span.Start - h.Span.End).Trim().Trim(':').IsWhiteSpace())).ToList();
    }

    private static HashSet<string> Variants(RegistryUnit unit)
    {
        var bases = new[] { unit.Name, unit.ShortName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => NoticeParser.FoldSameLength(n!.Trim())).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(bases);
        while (queue.Count > 0 && found.Count < 64)
        {
            var v = queue.Dequeue().Trim();
            if (v.Length == 0 || !found.Add(v))
            {
                continue;
            }

            foreach (var next in Rewrites(v))
            {
                queue.Enqueue(next);
            }
        }

        return found;
    }

    private static IEnumerable<string> Rewrites(string v)
    {
        (string From, string To)[] pairs =
        [
            ("van phong dang ky dat dai", "vpdkdd"), ("van phong", "vp"), ("vp ", "van phong "), (" & ", "&"), ("&", " va "), (" va ", "&"),
            ("chi nhanh ", "cn "), ("cn ", "chi nhanh "), ("hdnd&ubnd", "hdnd va ubnd"), ("hdnd va ubnd", "hdnd&ubnd"), ("vp dang ky dat dai", "vpdkdd"),
        ];
        foreach (var (from, to) in pairs)
        {
            if (v.Contains(from, StringComparison.Ordinal))
            {
                yield return v.Replace(from, to, StringComparison.Ordinal);
            }
        }

        foreach (var suffix in new[] { " huyen hiep duc", " huyen" })
        {
            if (v.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return v[..^suffix.Length];
            }
        }

        if (v.StartsWith("ubnd ", StringComparison.Ordinal))
        {
            yield return v[5..];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+(?:tinh|trung uong|thanh pho|xa|phuong)\b")]
    private static partial System.Text.RegularExpressions.Regex OtherLevel();
}
