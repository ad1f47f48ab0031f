using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>
/// Reads a conclusion notice as officials write it: the header (issuing body, number, place and date, title,
/// meeting, chair), its sections (1., 2. / I., II.), lettered items in the Vietnamese alphabet (a, b, c, d, đ, e, g…)
/// and bullets; which sections assign work and which report results; and, for each task, its units and roles,
/// deadline, cited documents and figure targets — each with the span of text it came from and whether it is sure.
/// Pure code: the unit registry and KPI keywords are given as data.
/// </summary>
public static partial class NoticeParser
{
    public static ParsedNotice Parse(string source, IReadOnlyList<RegistryUnit> registry, IReadOnlyList<KpiKeywords>? kpis = null, DateOnly? fallbackDate = null)
    {
        var text = Clean(source);
        var folded = FoldSameLength(text);
        var lines = Lines(text);
        var matcher = new UnitMatcher(registry);
        kpis ??= [];

        // Header.
        var number = Match(text, NumberPattern(), 1, true);
        var place = PlaceDatePattern().Match(text);
        Found<DateOnly?> issueDate = place.Success ? new(DateOf(place.Groups["d"].Value, place.Groups["m"].Value, place.Groups["y"].Value), Of(place), true) : new(null, null, false);
        Found<string?> placeName = place.Success ? new(place.Groups["place"].Value.Trim(), Of(place.Groups["place"]), true) : new(null, null, false);
        var titleLine = lines.FindIndex(l => text.Substring(l.Start, l.Length).Trim() is "THÔNG BÁO" or "THÔNG BÁO KẾT LUẬN");
        Found<string?> title = new(null, null, false);
        var bodyStart = 0;
        if (titleLine >= 0)
        {
            var parts = new List<(int Start, int Length)>();
            for (var i = titleLine + 1; i < lines.Count; i++)
            {
                var t = text.Substring(lines[i].Start, lines[i].Length).Trim();
                if (t.Length == 0 && parts.Count > 0)
                {
                    bodyStart = lines[i].Start;
                    break;
                }

                if (t.Length > 0)
                {
                    parts.Add(lines[i]);
                }
            }

            if (parts.Count > 0)
            {
                var span = new Span(parts[0].Start, parts[^1].Start + parts[^1].Length - parts[0].Start);
                title = new(string.Join(' ', parts.Select(p => text.Substring(p.Start, p.Length).Trim())), span, true);
            }
        }

        var issuing = IssuingBody(text, lines, titleLine);
        var meeting = MeetingDatePattern().Match(text, bodyStart);
        Found<DateOnly?> meetingDate = meeting.Success
            ? new(DateOf(meeting.Groups["d"].Value, meeting.Groups["m"].Value, meeting.Groups["y"].Value), Of(meeting), true)
            : new(issueDate.Value ?? fallbackDate, null, false);
        var session = Match(text, SessionPattern(), 1, true);
        var chair = ChairPattern().Match(text, bodyStart);
        Found<string?> chairedBy = chair.Success ? new($"{chair.Groups["name"].Value} - {chair.Groups["role"].Value.Trim()}", Of(chair), true) : new(null, null, false);
        var signed = SignedPattern().Match(text);
        Found<string?> signedBy = signed.Success ? new(Regex.Replace(signed.Value.Trim(), @"\s*\n\s*", " — "), Of(signed), true) : new(null, null, false);
        var anchor = meetingDate.Value ?? issueDate.Value ?? fallbackDate ?? new DateOnly(DateTime.Today.Year, 1, 1);

        // Body: sections, items, bullets — up to "Nơi nhận".
        var end = text.IndexOf("Nơi nhận", StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        // Task tables are read on their own (NoticeTables.cs); the rest of the body is read with their lines blanked out.
        var tables = Tables(text, lines, bodyStart, end);
        var body = Mask(text, tables);
        var bodyFolded = ReferenceEquals(body, text) ? folded : FoldSameLength(body);
        var blocks = Blocks(body, lines, bodyStart, end);

        var tasks = new List<ParsedTask>();
        var figures = new List<ParsedFigure>();
        var unknown = new List<Found<string>>();
        Found<int?> monitor = new(null, null, false);
        var positioned = new List<(int At, ParsedTask Task)>();
        var tableOwners = tables.ToDictionary(t => t, t => blocks.LastOrDefault(b => b.Whole.Start <= t.Start));
        foreach (var table in tables)
        {
            positioned.AddRange(TableTasks(text, folded, table, tableOwners[table]?.Label, matcher, kpis, anchor, unknown).Select(x => (x.Span.Start, x)));
        }

        foreach (var section in blocks)
        {
            var intro = section.Intro;
            // The closing "Giao Văn phòng … theo dõi, đôn đốc …", numbered or not, names the monitoring unit.
            if (MonitoringPattern().Match(body, intro.Start, intro.Length) is { Success: true } m && section.Items.Count == 0
                && (section.Label is null || section == blocks[^1]))
            {
                var found = matcher.Find(body, bodyFolded, new Span(m.Index, m.Length)).FirstOrDefault(u => u.UnitIds.Count == 1);
                monitor = new(found?.UnitIds[0], found?.Span, found is not null);
                continue;
            }

            // A paragraph outside any section ("Năm 2024, tỷ lệ hồ sơ trễ hẹn còn 3,1% …") gives figures, never a task.
            if (section.Label is null && section.Items.Count == 0)
            {
                figures.AddRange(Figures(body, bodyFolded, section.Whole, kpis));
                continue;
            }

            // A heading whose tasks sit in a table ("… thực hiện các nhiệm vụ sau:") is no task of its own.
            if (section.Items.Count == 0 && tableOwners.ContainsValue(section))
            {
                continue;
            }

            var introText = body.Substring(intro.Start, intro.Length);
            var assigns = section.Parent switch
            {
                SectionKind.Tasks => true,
                SectionKind.Results => false,
                // A numbered heading that announces tasks ("2. Nhiệm vụ thời gian tới:") holds tasks in its items; a list
                // of bullets right under the opening paragraph holds tasks when its items give instructions.
                _ => IsInstruction(introText) || (section.Items.Count > 0 && (InstructionWord().IsMatch(introText)
                    || (TaskHeading().IsMatch(FoldSameLength(introText)) && !ResultHeading().IsMatch(FoldSameLength(introText)))
                    || (section.Label is null && section.Items.Any(i => IsInstruction(body.Substring(i.Body.Start, i.Body.Length)))))),
            };
            if (!assigns)
            {
                figures.AddRange(Figures(body, bodyFolded, section.Whole, kpis));
                continue;
            }

            var addressees = section.Items.Count > 0 ? matcher.Find(body, bodyFolded, intro).SelectMany(u => u.UnitIds).Distinct().ToList() : [];
            var items = section.Items.Count > 0 ? section.Items : [new Item(section.Label ?? $"{tasks.Count + 1}", section.Whole, new Span(section.Intro.Start, section.Whole.End - section.Intro.Start))];
            foreach (var item in items)
            {
                var label = section.Items.Count > 0 && section.Label is not null ? $"{section.Label}.{item.Label}" : item.Label;
                positioned.Add((item.Whole.Start, Task(body, bodyFolded, item, label, addressees, matcher, kpis, anchor, unknown)));
            }
        }

        tasks.AddRange(positioned.OrderBy(x => x.At).Select(x => x.Task));

        return new ParsedNotice(text, issuing, number, issueDate, placeName, title, meetingDate, session, chairedBy, signedBy, monitor, tasks, figures,
            unknown.OrderBy(u => u.Span?.Start ?? 0).GroupBy(u => FoldSameLength(u.Value)).Select(g => g.First()).ToList());
    }

    private static ParsedTask Task(string text, string folded, Item item, string label, List<int> addressees, UnitMatcher matcher, IReadOnlyList<KpiKeywords> kpis, DateOnly anchor, List<Found<string>> unknown)
    {
        var body = item.Body;
        var full = text.Substring(body.Start, body.Length).Trim();
        var units = new Dictionary<int, ParsedUnit>();
        var proposed = new List<ParsedUnit>();
        void Propose(Found<string>? name, AssignmentRole role)
        {
            if (name is not null && !proposed.Any(p => FoldSameLength(p.Text) == FoldSameLength(name.Value)))
            {
                proposed.Add(new ParsedUnit(null, name.Value, role, name.Span, false));
            }
        }


        // Roles from the sentences that name them: "Giao X chủ trì, phối hợp Y", "X phối hợp với Y", "Yêu cầu X …".
        var explicitSubject = false;
        var sentenceIndex = 0;
        foreach (var sentence in Sentences(text, body))
        {
            var s = text.Substring(sentence.Start, sentence.Length);
            var lead = LeadPattern().Match(s);
            if (lead.Success)
            {
                if (sentenceIndex == 0)
                {
                    explicitSubject = true;
                }

                sentenceIndex++;
                var leadSpan = new Span(sentence.Start + lead.Groups["lead"].Index, lead.Groups["lead"].Length);
                foreach (var u in matcher.Find(text, folded, leadSpan))
                {
                    Put(units, u, AssignmentRole.Lead, certain: u.UnitIds.Count == 1);
                }

                if (lead.Groups["co"].Success)
                {
                    var coSpan = new Span(sentence.Start + lead.Groups["co"].Index, lead.Groups["co"].Length);
                    foreach (var u in matcher.Find(text, folded, coSpan))
                    {
                        Put(units, u, AssignmentRole.Coordinating, certain: true);
                    }

                    Propose(Unknown(text, folded, coSpan, matcher, unknown), AssignmentRole.Coordinating);
                }

                Propose(Unknown(text, folded, leadSpan, matcher, unknown), AssignmentRole.Lead);
                continue;
            }

            // A unit or group standing first in the first sentence is its subject: "UBND các xã, thị trấn rà soát…".
            if (sentenceIndex == 0 && matcher.Find(text, folded, sentence).FirstOrDefault() is { } first
                && string.IsNullOrWhiteSpace(PersonTitle().Replace(text.Substring(sentence.Start, first.Span.Start - sentence.Start), string.Empty)))
            {
                explicitSubject = true;
                var subjectEnd = VerbAfter(s, first.Span.End - sentence.Start);
                var subjects = matcher.Find(text, folded, new Span(sentence.Start, subjectEnd)).ToList();
                // One unit leads; several named together ("Các xã Hiệp Thuận, Quế Lưu …") each do their own share.
                var several = subjects.Count(u => u.UnitIds.Count == 1) > 1;
                foreach (var u in subjects)
                {
                    Put(units, u, u.UnitIds.Count == 1 && !several ? AssignmentRole.Lead : AssignmentRole.Implementing, certain: true);
                }
            }
            else if (sentenceIndex == 0 && UnknownUnitPattern().Match(s) is { Success: true, Index: var at } && string.IsNullOrWhiteSpace(s[..at]))
            {
                explicitSubject = true;
                Propose(Unknown(text, folded, new Span(sentence.Start, VerbAfter(s, 0)), matcher, unknown), AssignmentRole.Lead);
            }

            var subject = SubjectPattern().Match(s);
            if (subject.Success)
            {
                var subjectSpan = new Span(sentence.Start + subject.Groups["who"].Index, subject.Groups["who"].Length);
                var named = matcher.Find(text, folded, subjectSpan).ToList();
                var individual = named.Where(n => n.UnitIds.Count == 1).ToList();
                if (sentenceIndex == 0 && individual.Count > 0)
                {
                    explicitSubject = true;
                }

                foreach (var u in individual)
                {
                    Put(units, u, AssignmentRole.Lead, certain: true);
                }

                Propose(Unknown(text, folded, subjectSpan, matcher, unknown), AssignmentRole.Lead);
            }

            var together = TogetherPattern().Match(s);
            if (together.Success)
            {
                foreach (var u in matcher.Find(text, folded, new Span(sentence.Start + together.Groups["x"].Index, together.Groups["x"].Length)).Where(u => u.UnitIds.Count == 1))
                {
                    Put(units, u, AssignmentRole.Lead, certain: false);
                }

                var ySpan = new Span(sentence.Start + together.Groups["y"].Index, together.Groups["y"].Length);
                foreach (var u in matcher.Find(text, folded, ySpan))
                {
                    Put(units, u, AssignmentRole.Coordinating, certain: false);
                }

                Propose(Unknown(text, folded, ySpan, matcher, unknown), AssignmentRole.Coordinating);
            }

            sentenceIndex++;
        }

        // Units named elsewhere in the item take part in it — but not one a report merely goes through ("qua Văn phòng …")
        // nor one the work is about ("… cán bộ của các cơ quan, đơn vị").
        foreach (var hit in matcher.Find(text, folded, body).Where(h => !Incidental(text, h.Span)))
        {
            foreach (var id in hit.UnitIds.Where(id => !units.ContainsKey(id)))
            {
                units[id] = new ParsedUnit(id, hit.Text, AssignmentRole.Implementing, hit.Span, false);
            }
        }

        // Everyone the section addresses does the work for itself, unless the item names its own subject.
        if (!explicitSubject)
        {
            foreach (var id in addressees.Where(id => !units.ContainsKey(id)))
            {
                units[id] = new ParsedUnit(id, matcher.Name(id), AssignmentRole.Implementing, null, false);
            }
        }

        var deadline = Deadline(text, body, anchor);
        var references = ReferencePattern().Matches(text.Substring(body.Start, body.Length))
            .Select(r => new ParsedReference(DocumentReference.Parse(r.Value.TrimEnd(',', '.', ';', ' ')), new Span(body.Start + r.Index, r.Length))).ToList();
        var targets = Targets(text, folded, body, kpis);
        var firstClause = full.Split(['.', ';', ':'], 2)[0].Trim();
        var titleText = firstClause.Length > 160 ? firstClause[..firstClause.LastIndexOf(' ', 157)] + "…" : firstClause;
        return new ParsedTask(label, new Found<string>(titleText, new Span(body.Start, Math.Min(body.Length, firstClause.Length)), false), full, item.Whole,
            deadline, units.Values.Concat(proposed).OrderBy(u => u.Role).ToList(), references, targets);
    }

    /// <summary>A unit named after "qua" (the channel), "của" (whose the thing is) or "tại" (where it happens) takes no part in the work.</summary>
    private static bool Incidental(string text, Span span)
    {
        var before = text[Math.Max(0, span.Start - 8)..span.Start].TrimEnd();
        return before.EndsWith(" qua", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" của", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" tại", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Where the subject ends: the first verb of action after it (or the first comma/period).</summary>
    private static int VerbAfter(string sentence, int from)
    {
        var m = SubjectEnd().Match(sentence, Math.Min(from, sentence.Length));
        return m.Success ? m.Index : sentence.Length;
    }

    private static void Put(Dictionary<int, ParsedUnit> units, UnitMatcher.Hit hit, AssignmentRole role, bool certain)
    {
        foreach (var id in hit.UnitIds)
        {
            if (!units.TryGetValue(id, out var current) || role < current.Role || (current.Role == AssignmentRole.Implementing && role != AssignmentRole.Implementing))
            {
                units[id] = new ParsedUnit(id, hit.Text, role, hit.Span, certain);
            }
        }
    }

    /// <summary>A unit the registry does not know, named in <paramref name="span"/>: proposed to the office with its cleaned name.</summary>
    private static Found<string>? Unknown(string text, string folded, Span span, UnitMatcher matcher, List<Found<string>> unknown)
    {
        var segment = text.Substring(span.Start, span.Length);
        var m = UnknownUnitPattern().Match(segment);
        // "UBND các huyện, thị xã…" names a group of bodies, not one unit to create.
        if (m.Success && !FoldSameLength(m.Value).Contains(" cac ", StringComparison.Ordinal) && !matcher.Find(text, folded, new Span(span.Start + m.Index, m.Length)).Any())
        {
            var found = new Found<string>(m.Value.Trim(), new Span(span.Start + m.Index, m.Length), false);
            unknown.Add(found);
            return found;
        }

        return null;
    }

    private static Found<Deadline> Deadline(string text, Span body, DateOnly anchor) => DeadlineIn(text.Substring(body.Start, body.Length), body.Start, anchor);

    /// <summary>The deadline written in <paramref name="s"/>, which starts at <paramref name="offset"/> of the notice.</summary>
    private static Found<Deadline> DeadlineIn(string s, int offset, DateOnly anchor)
    {
        Span At(Match m) => new(offset + m.Index, m.Length);
        var recurring = Recurring(s, offset);
        if (recurring is { Value.Recurrence.Day: not null })
        {
            return recurring;
        }

        if (MonthDeadline().Match(s) is { Success: true } month)
        {
            var y = int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new(Deadlines.Deadline.InMonth(y, int.Parse(month.Groups["m"].Value, CultureInfo.InvariantCulture), month.Value.Trim()), At(month), true);
        }

        if (DateDeadline().Match(s) is { Success: true } date)
        {
            var hasYear = date.Groups["y"].Success;
            var d = new DateOnly(hasYear ? int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture) : anchor.Year, int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture));
            if (!hasYear && d < anchor)
            {
                d = d.AddYears(1);
            }

            return new(Deadlines.Deadline.OnDate(d, date.Value.Trim()), At(date), hasYear);
        }

        if (QuarterDeadline().Match(s) is { Success: true } quarter)
        {
            var q = quarter.Groups["q"].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            var y = quarter.Groups["y"].Success ? int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture) : anchor.Year;
            return new(Deadlines.Deadline.InQuarter(y, q, quarter.Value.Trim()), At(quarter), quarter.Groups["y"].Success);
        }

        if (YearDeadline().Match(s) is { Success: true } year)
        {
            return new(Deadlines.Deadline.InYear(int.Parse(year.Groups["y"].Value, CultureInfo.InvariantCulture), year.Value.Trim()), At(year), true);
        }

        if (recurring is not null)
        {
            return recurring;
        }

        if (OngoingDeadline().Match(s) is { Success: true } ongoing)
        {
            return new(Deadlines.Deadline.Ongoing(ongoing.Value.Trim()), At(ongoing), true);
        }

        if (UrgentWord().Match(s) is { Success: true } urgent)
        {
            return new(Deadlines.Deadline.NotSet(urgent: true, writtenAs: urgent.Value.Trim()), At(urgent), true);
        }

        return new(Deadlines.Deadline.NotSet(), null, true);
    }

    /// <summary>
    /// A recurring duty: a period word ("hằng tháng", "định kỳ hằng quý", "6 tháng một lần", "hằng tuần") and, in the same
    /// clause, the report day when one is written ("trước ngày 25", "trước ngày 15/12 hằng năm", "vào thứ Sáu").
    /// </summary>
    private static Found<Deadline>? Recurring(string s, int offset)
    {
        foreach (Match p in PeriodWord().Matches(s))
        {
            var period = p.Groups["half"].Success ? RecurrencePeriod.HalfYearly : p.Groups["p"].Value.ToLowerInvariant() switch
            {
                "tuần" => RecurrencePeriod.Weekly,
                "tháng" => RecurrencePeriod.Monthly,
                "quý" => RecurrencePeriod.Quarterly,
                _ => RecurrencePeriod.Yearly,
            };
            var clauseStart = p.Index == 0 ? 0 : s.LastIndexOfAny(['.', ';', '\n'], p.Index - 1) + 1;
            var clauseEnd = s.IndexOfAny(['.', ';', '\n'], p.Index + p.Length);
            clauseStart = Math.Max(clauseStart, p.Index - 60);
            clauseEnd = Math.Min(clauseEnd < 0 ? s.Length : clauseEnd, p.Index + p.Length + 60);
            var window = s[clauseStart..clauseEnd];
            int? day = null, month = null;
            var start = p.Index;
            var end = p.Index + p.Length;
            var dm = period == RecurrencePeriod.Weekly ? WeekdayPhrase().Match(window) : ReportDayPhrase().Match(window);
            if (dm.Success)
            {
                day = period == RecurrencePeriod.Weekly
                    ? dm.Groups["sun"].Success ? 7 : dm.Groups["wd"].Value.ToLowerInvariant() switch { "hai" or "2" => 1, "ba" or "3" => 2, "tư" or "4" => 3, "năm" or "5" => 4, "sáu" or "6" => 5, _ => 6 }
                    : int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture);
                month = period == RecurrencePeriod.Yearly && dm.Groups["m"].Success ? int.Parse(dm.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
                if (day > 31 || month > 12 || (period != RecurrencePeriod.Yearly && dm.Groups["m"].Success))
                {
                    day = null;
                    month = null;
                }
                else
                {
                    start = Math.Min(start, clauseStart + dm.Index);
                    end = Math.Max(end, clauseStart + dm.Index + dm.Length);
                }
            }

            var written = s[start..end].Trim(' ', ',');
            return new(Deadlines.Deadline.Recurring(Recurrence.Of(period, day, month), written), new Span(offset + start, end - start), true);
        }

        return null;
    }

    private static List<ParsedTarget> Targets(string text, string folded, Span body, IReadOnlyList<KpiKeywords> kpis)
    {
        var s = text.Substring(body.Start, body.Length);
        var targets = new List<ParsedTarget>();
        foreach (Match m in PercentTarget().Matches(s))
        {
            var value = decimal.Parse(m.Groups["v"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            var span = new Span(body.Start + m.Index, m.Length);
            // The words keep their meaning: "trên" is strictly above, "dưới" strictly below, "không quá" at most, "đạt",
            // "tối thiểu", "ít nhất", "không thấp hơn" at least.
            var op = m.Groups["op"].Value.ToLowerInvariant();
            var kind = value >= 100 && op is not ("dưới" or "không quá") ? KpiTargetKind.Full
                : op == "trên" ? KpiTargetKind.Above
                : op == "dưới" ? KpiTargetKind.Below
                : op == "không quá" ? KpiTargetKind.AtMost
                : KpiTargetKind.AtLeast;
            targets.Add(new ParsedTarget(Kpi(folded, body, kpis, m.Index), kind, kind == KpiTargetKind.Full ? 100m : value, m.Value.Trim(), span));
        }

        if (ReferenceTarget().Match(s) is { Success: true } r)
        {
            targets.Add(new ParsedTarget(Kpi(folded, body, kpis, r.Index), KpiTargetKind.AtLeastReference, null, r.Value.Trim(), new Span(body.Start + r.Index, r.Length)));
        }

        return targets;
    }

    /// <summary>
    /// The KPI a figure speaks of: a keyword in the figure's own clause (between ";" or "." marks), the nearest one
    /// before it first ("tỷ lệ hồ sơ trễ hẹn … 7,83%"), else the first after it ("100% CB, CC, VC cài đặt … Egov").
    /// </summary>
    private static string? Kpi(string folded, Span body, IReadOnlyList<KpiKeywords> kpis, int offset)
    {
        var segment = folded.Substring(body.Start, body.Length);
        var clauseStart = Math.Max(segment.LastIndexOfAny([';', '.'], Math.Max(0, offset - 1)) + 1, 0);
        var next = segment.IndexOfAny([';', '.'], offset);
        var clauseEnd = next < 0 ? segment.Length : next;
        (string? Code, int Position) before = (null, -1), after = (null, int.MaxValue);
        foreach (var k in kpis)
        {
            foreach (var keyword in k.Keywords.Select(w => FoldSameLength(w)))
            {
                var b = segment.LastIndexOf(keyword, Math.Max(0, offset - 1), Math.Max(0, offset - clauseStart), StringComparison.Ordinal);
                if (b >= clauseStart && b > before.Position)
                {
                    before = (k.Code, b);
                }

                var a = segment.IndexOf(keyword, offset, clauseEnd - offset, StringComparison.Ordinal);
                if (a >= 0 && a < after.Position)
                {
                    after = (k.Code, a);
                }
            }
        }

        return before.Code ?? after.Code;
    }

    private static IEnumerable<ParsedFigure> Figures(string text, string folded, Span span, IReadOnlyList<KpiKeywords> kpis)
    {
        var s = text.Substring(span.Start, span.Length);
        foreach (Match m in FigurePattern().Matches(s))
        {
            var from = Math.Max(0, m.Index - 80);
            var context = s[from..Math.Min(s.Length, m.Index + m.Length)].Trim();
            var value = decimal.Parse(m.Groups["v"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            yield return new ParsedFigure(context, value, new Span(span.Start + m.Index, m.Length), Kpi(folded, span, kpis, m.Index));
        }
    }

    /// <summary>
    /// A sentence gives work when it starts with a verb of instruction (or asks/assigns in the middle), or when a unit
    /// stands first and is told what to do ("Phòng Nội vụ phối hợp …", "Các xã Quế Phong, Quế Long khẩn trương …") — not
    /// when it reports what was done ("… đã hoàn thành").
    /// </summary>
    public static bool IsInstruction(string text) =>
        Regex.Split(text, @"(?<=[.;:])\s+").Any(sentence => InstructionStart().IsMatch(sentence.TrimStart()) || UnitSubjectInstruction().IsMatch(sentence.TrimStart()))
        || InstructionWord().IsMatch(text) && !AssessmentStart().IsMatch(text.TrimStart());

    private static Found<string?> IssuingBody(string text, List<(int Start, int Length)> lines, int titleLine)
    {
        var limit = titleLine < 0 ? Math.Min(lines.Count, 8) : titleLine;
        var parts = new List<(int Start, int Length)>();
        for (var i = 0; i < limit; i++)
        {
            var line = text.Substring(lines[i].Start, lines[i].Length).Trim();
            if (line.Length == 0 || line.StartsWith("CỘNG HÒA", StringComparison.Ordinal) || line.StartsWith("CỘNG HOÀ", StringComparison.Ordinal)
                || line.StartsWith("Độc lập", StringComparison.Ordinal) || line.StartsWith("Số", StringComparison.Ordinal) || PlaceDatePattern().IsMatch(line) || line.All(c => c is '-' or '_' or ' '))
            {
                continue;
            }

            if (line.Any(char.IsLetter) && !line.Any(char.IsLower))
            {
                parts.Add(lines[i]);
            }
        }

        return parts.Count == 0
            ? new(null, null, false)
            : new(string.Join(' ', parts.Select(p => text.Substring(p.Start, p.Length).Trim())), new Span(parts[0].Start, parts[^1].Start + parts[^1].Length - parts[0].Start), true);
    }

    private sealed record Item(string Label, Span Whole, Span Body);

    private enum SectionKind
    {
        Unknown,
        Tasks,
        Results,
    }

    private sealed record Section(string? Label, Span Intro, Span Whole, List<Item> Items, SectionKind Parent = SectionKind.Unknown);

    /// <summary>Groups body lines into sections ("1." / "I.") holding lettered items ("a)") or bullets ("-", "+").</summary>
    private static List<Section> Blocks(string text, List<(int Start, int Length)> lines, int from, int to)
    {
        var sections = new List<Section>();
        string? roman = null;
        var romanKind = SectionKind.Unknown;
        Section? current = null;
        var itemLines = new List<(string Label, int Start, int End, int BodyStart)>();

        void Close(int endAt)
        {
            if (current is null)
            {
                return;
            }

            var items = new List<Item>();
            for (var i = 0; i < itemLines.Count; i++)
            {
                var end = i + 1 < itemLines.Count ? itemLines[i + 1].Start : itemLines[i].End;
                items.Add(new Item(itemLines[i].Label, new Span(itemLines[i].Start, end - itemLines[i].Start), new Span(itemLines[i].BodyStart, end - itemLines[i].BodyStart)));
            }

            var introEnd = itemLines.Count > 0 ? itemLines[0].Start : endAt;
            sections.Add(current with { Intro = new Span(current.Intro.Start, Math.Max(0, introEnd - current.Intro.Start)), Whole = new Span(current.Whole.Start, Math.Max(0, endAt - current.Whole.Start)), Items = items });
            current = null;
            itemLines.Clear();
        }

        var lastEnd = from;
        foreach (var (start, length) in lines.Where(l => l.Start >= from && l.Start < to))
        {
            var line = text.Substring(start, length);
            var trimmed = line.TrimStart();
            var lead = start + (line.Length - trimmed.Length);
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (RomanHeading().Match(trimmed) is { Success: true } r)
            {
                Close(lastEnd);
                roman = r.Groups[1].Value;
                var heading = FoldSameLength(r.Groups[2].Value);
                romanKind = TaskHeading().IsMatch(heading) ? SectionKind.Tasks : ResultHeading().IsMatch(heading) ? SectionKind.Results : SectionKind.Unknown;
                current = new Section(roman, new Span(lead + r.Groups[2].Index, 0), new Span(lead, 0), [], romanKind == SectionKind.Results ? SectionKind.Results : SectionKind.Unknown);
            }
            else if (NumberHeading().Match(trimmed) is { Success: true } n)
            {
                Close(lastEnd);
                var label = roman is null ? n.Groups[1].Value : $"{roman}.{n.Groups[1].Value}";
                current = new Section(label, new Span(lead + n.Groups[2].Index, 0), new Span(lead, 0), [], roman is null ? SectionKind.Unknown : romanKind);
            }
            else if (LetterItem().Match(trimmed) is { Success: true } letter && current is not null)
            {
                itemLines.Add((letter.Groups[1].Value, lead, start + length, lead + letter.Groups[2].Index));
            }
            else if (OrdinalItem().Match(trimmed) is { Success: true } ordinal && (current is null || itemLines.Count == 0 || itemLines.All(i => i.Label.All(char.IsAsciiDigit))))
            {
                // "Thứ nhất, …", "Hai là, …": items numbered in words, labelled by their number.
                current ??= new Section(null, new Span(lead, 0), new Span(lead, 0), []);
                itemLines.Add((OrdinalNumber(ordinal.Groups["n"].Value).ToString(CultureInfo.InvariantCulture), lead, start + length, lead + ordinal.Groups[1].Index));
            }
            else if (Bullet().Match(trimmed) is { Success: true } bullet && !trimmed.StartsWith('+') && (current is null || itemLines.Count == 0 || itemLines.All(i => i.Label.All(char.IsAsciiDigit))))
            {
                // Bullets right under the opening paragraph, with no numbered section: one list without a label of its own.
                current ??= new Section(null, new Span(lead, 0), new Span(lead, 0), []);
                itemLines.Add(((itemLines.Count + 1).ToString(CultureInfo.InvariantCulture), lead, start + length, lead + bullet.Groups[1].Index));
            }
            else if (current is null || MonitoringPattern().IsMatch(trimmed) || ClosingLine().IsMatch(trimmed))
            {
                // A paragraph outside any section (the opening), or the closing "Giao … theo dõi, đôn đốc" — which names the
                // monitoring unit and never belongs to the item above it, lettered or not.
                Close(lastEnd);
                sections.Add(new Section(null, new Span(lead, start + length - lead), new Span(lead, start + length - lead), []));
            }
            else if (itemLines.Count > 0)
            {
                var last = itemLines[^1];
                itemLines[^1] = last with { End = start + length };
            }

            lastEnd = start + length;
        }

        Close(lastEnd);

        // Paragraphs outside any section — the opening ("Ngày 31/8/2023, đồng chí … chủ trì cuộc họp … kết luận:") and
        // any result paragraph — are kept: they report (figures), they never assign.
        return sections;
    }

    private static int OrdinalNumber(string word) => word.ToLowerInvariant() switch
    {
        "nhất" or "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "tư" or "bốn" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => 10,
    };

    private static IEnumerable<Span> Sentences(string text, Span body)
    {
        var s = text.Substring(body.Start, body.Length);
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(s))
        {
            yield return new Span(body.Start + start, m.Index + 1 - start);
            start = m.Index + m.Length;
        }

        if (start < s.Length)
        {
            yield return new Span(body.Start + start, s.Length - start);
        }
    }

    /// <summary>Markdown emphasis removed, line ends unified, composed Unicode (so folding keeps every offset).</summary>
    public static string Clean(string source)
    {
        var t = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00a0', ' ').Normalize(NormalizationForm.FormC);
        t = t.Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);
        // Trailing tabs stay: a row pasted from Word keeps its empty last cells.
        return string.Join('\n', t.Split('\n').Select(l => l.TrimEnd(' '))).Trim();
    }

    /// <summary>Lower case, no diacritics, "đ" → "d", one character for one character (offsets stay valid).</summary>
    public static string FoldSameLength(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = c < 128 ? char.ToLowerInvariant(c) : FoldChar(c);
        }

        return new string(chars);
    }

    private static readonly Dictionary<char, char> FoldCache = [];

    private static char FoldChar(char c)
    {
        lock (FoldCache)
        {
            if (!FoldCache.TryGetValue(c, out var f))
            {
                f = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c.ToString().Normalize(NormalizationForm.FormD)[0]);
                FoldCache[c] = f;
            }

            return f;
        }
    }

    private static List<(int Start, int Length)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
        }

        return lines;
    }

    private static Found<string?> Match(string text, Regex pattern, int group, bool certain) =>
        pattern.Match(text) is { Success: true } m ? new(m.Groups[group].Value.Trim(), Of(m.Groups[group]), certain) : new(null, null, false);

    private static Span Of(Group g) => new(g.Index, g.Length);

    private static DateOnly? DateOf(string d, string m, string y) =>
        DateOnly.TryParseExact($"{int.Parse(d, CultureInfo.InvariantCulture):00}/{int.Parse(m, CultureInfo.InvariantCulture):00}/{y}", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"Số\s*:\s*([\w\-–/.Đđ]+(?:/[\w\-–Đđ]+)*)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<place>[\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*){0,3}),\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")]
    private static partial Regex PlaceDatePattern();

    [GeneratedRegex(@"(?:^|\n)\s*Ngày\s+(?<d>\d{1,2})[/-](?<m>\d{1,2})[/-](?<y>\d{4})|(?:^|\n)\s*Ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")]
    private static partial Regex MeetingDatePattern();

    [GeneratedRegex(@"\((phiên[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex SessionPattern();

    [GeneratedRegex(@"đồng chí\s+(?<name>\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,4})\s*[-–,]\s*(?<role>[^,(.]+?)(?=\s+chủ trì|[,(.]|$)")]
    private static partial Regex ChairPattern();

    [GeneratedRegex(@"(?:TL|KT|TM|Q)\.\s*[\p{Lu} ]+\n\s*[\p{Lu} ]+(?=\n|$)")]
    private static partial Regex SignedPattern();

    [GeneratedRegex(@"^([IVXL]+)\.\s+(.*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(\d{1,2})\.\s*(.*)$")]
    private static partial Regex NumberHeading();

    [GeneratedRegex(@"^([a-eg-ik-vxyđ])\)\s*(.*)$")]
    private static partial Regex LetterItem();

    [GeneratedRegex(@"^[-+•–]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\b(nhiem vu|giai phap|chi dao|de nghi|kien nghi|to chuc thuc hien|giao)\b")]
    private static partial Regex TaskHeading();

    [GeneratedRegex(@"\b(ket qua|tinh hinh|danh gia|thuc trang)\b")]
    private static partial Regex ResultHeading();

    [GeneratedRegex(@"(?<=[.;])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^([Gg]iao(?! ban\b)|[Yy]êu cầu|[Đđ]ề nghị|Chỉ đạo|Khẩn trương|Nghiêm túc|Tập trung|Tăng cường|Chủ động|Phân công|Thống nhất giao|Các cơ quan, đơn vị)\b")]
    private static partial Regex InstructionStart();

    [GeneratedRegex(@"^(?:Chủ tịch|Giám đốc|Trưởng phòng|Chánh Văn phòng|Thủ trưởng|Phòng|Văn phòng|Chi nhánh|UBND|Ủy ban|Các xã|Các phòng|Các cơ quan|Các đơn vị|Các thôn|Các tổ|Công an|Trung tâm|Bưu điện|Bảo hiểm xã hội|Thanh tra|Bộ phận|Công chức)\b[^.;:]{0,160}?(?<!\bđã)\s(?:khẩn trương|chủ trì|phối hợp|tham mưu|hướng dẫn|triển khai|rà soát|tổ chức|xây dựng|hoàn thành|nghiêm túc|tập trung|chủ động|tiếp thu|hoàn chỉnh|báo cáo|tổng hợp|cập nhật|kiểm tra|thực hiện|đẩy mạnh|tuyên truyền|bố trí|kiện toàn|xử lý|chỉ đạo)\b")]
    private static partial Regex UnitSubjectInstruction();

    [GeneratedRegex(@"\b(yêu cầu|đề nghị|giao cho|chủ trì, phối hợp)\b")]
    private static partial Regex InstructionWord();

    [GeneratedRegex(@"^(Về (?:kết quả|tình hình)|Kết quả|Nhìn chung|Tình hình|Đánh giá)", RegexOptions.IgnoreCase)]
    private static partial Regex AssessmentStart();

    [GeneratedRegex(@"\s(?:khẩn trương|tiếp thu|hoàn chỉnh|tham mưu|thực hiện|hướng dẫn|triển khai|rà soát|tổ chức|xây dựng|theo dõi|báo cáo|hoàn thành|phải|nghiêm túc|chủ động|kiểm tra|phối hợp|chủ trì|cập nhật|công khai|bố trí|khắc phục|tăng cường|tuyên truyền|đẩy mạnh|tập trung|chỉ đạo)\b|[.;:]")]
    private static partial Regex SubjectEnd();

    [GeneratedRegex(@"(?:Giao\s+|^\s*)(?<lead>[^.;]+?)\s+chủ trì(?:\s*,\s*|\s+)(?:phối hợp(?:\s+với)?\s+(?<co>.+?)(?=\s+(?:hướng dẫn|tham mưu|triển khai|tổ chức|thực hiện|xây dựng|rà soát|kiểm tra|theo dõi|báo cáo|để|nhằm|trong|hoàn thành)\b|[.;,]|$))?")]
    private static partial Regex LeadPattern();

    [GeneratedRegex(@"^\s*(?:[Gg]iao|[Yy]êu cầu|[Đđ]ề nghị)\s+(?<who>.+?)(?=\s+(?:chỉ đạo|khẩn trương|tiếp thu|hoàn chỉnh|tham mưu|thực hiện|hướng dẫn|triển khai|rà soát|tổ chức|xây dựng|theo dõi|báo cáo|hoàn thành|phải|nghiêm túc|trong|chủ động|kiểm tra|phối hợp)\b|[,.;]|$)")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^\s*(?<x>[\p{Lu}][^,.;]*?)\s+phối hợp(?:\s+với)?\s+(?<y>.+?)(?=\s+(?:hướng dẫn|tham mưu|triển khai|tổ chức|thực hiện|xây dựng|rà soát|kiểm tra|theo dõi|báo cáo|để|nhằm|trong)\b|[.;,]|$)")]
    private static partial Regex TogetherPattern();

    [GeneratedRegex(@"(?:[Pp]hòng|Sở|Trung tâm|Ban|Chi nhánh|Công an|Hội|Đội|Văn phòng|Bưu điện|Ủy ban|UBND|Đài|Trường|Kho bạc|Chi cục|Bộ phận|Công chức|Thanh tra(?=\s+(?:Sở|huyện|tỉnh)))\s+[^,.;]+?(?=\s+(?:chủ trì|phối hợp|khẩn trương|tham mưu|thực hiện|hướng dẫn|triển khai|rà soát|tổ chức|xây dựng|theo dõi|báo cáo|hoàn thành|tiếp thu|bố trí|cập nhật|tăng cường|tuyên truyền|đẩy mạnh|tập trung|kiểm tra|tổng hợp|kiện toàn|xử lý|công khai|tiếp tục|hỗ trợ|chi trả|sắp xếp|vận hành|giải quyết|chỉ đạo)\b|[,.;]|$)")]
    private static partial Regex UnknownUnitPattern();

    /// <summary>The person standing for a unit: "Thủ trưởng", "Lãnh đạo", "Chủ tịch", "Giám đốc", "(đồng chí) Trưởng phòng" ….</summary>
    [GeneratedRegex(@"(?:[Đđ]ồng chí|Thủ trưởng|Lãnh đạo|Chủ tịch|Giám đốc|Chánh|Trưởng)\s*")]
    private static partial Regex PersonTitle();

    /// <summary>A paragraph numbered in words: "Thứ nhất, …", "Hai là, …".</summary>
    [GeneratedRegex(@"^(?:Thứ (?<n>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?<n>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)\s*[,:]\s*(.*)$")]
    private static partial Regex OrdinalItem();

    [GeneratedRegex(@"Giao\s+[^.]*?\btheo dõi\b[^.]*\bđôn đốc\b")]
    private static partial Regex MonitoringPattern();

    /// <summary>The closing sentence that only passes the notice on: "Văn phòng … thông báo để các cơ quan, đơn vị biết, thực hiện./.".</summary>
    [GeneratedRegex(@"^(?:Văn phòng|UBND|Ủy ban)[^.;]*\bthông báo (?:để|đến)\b")]
    private static partial Regex ClosingLine();

    [GeneratedRegex(@"(?:trong|trước|chậm nhất(?: là)?|hoàn thành(?: trong)?)\s+tháng\s+(?<m>\d{1,2})[/-](?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDeadline();

    // "trước ngày 20/10", "chậm nhất là ngày 31/12/2023", "không quá ngày 15/11", "(phấn đấu) đến ngày 30/6/2024", and
    // "hoàn thành trước 31/5/2024" without "ngày".
    [GeneratedRegex(@"(?:(?:trước|chậm nhất(?: là)?|trong|hạn chót|hoàn thành trước|không quá|đến)\s+ngày|trước|không quá)\s+(?<d>\d{1,2})[/-](?<m>\d{1,2})(?:[/-](?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DateDeadline();

    [GeneratedRegex(@"(?:trong|trước hết|hoàn thành trong)\s+quý\s+(?<q>IV|III|II|I|[1-4])(?:[/\s]+(?:năm\s+)?(?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterDeadline();

    [GeneratedRegex(@"(?:trong|hoàn thành trong|trước cuối)\s+năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex YearDeadline();

    [GeneratedRegex(@"(?:\b(?:hằng|hàng|mỗi)\s+|\bđịnh kỳ\s+(?:(?:hằng|hàng)\s+)?)(?<p>tuần|tháng|quý|năm)\b|\b(?<half>(?:định kỳ|mỗi|hằng|hàng)\s+0?6\s+tháng|0?6\s+tháng\s+(?:một|1)\s+lần)", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWord();

    [GeneratedRegex(@"(?:trước|chậm nhất(?: là)?|vào|không quá|đến|trong)\s+ngày\s+(?<d>\d{1,2})(?:[/-](?<m>\d{1,2}))?(?![/-]?\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ReportDayPhrase();

    [GeneratedRegex(@"thứ\s+(?<wd>Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])\b|(?<sun>Chủ nhật)", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayPhrase();

    [GeneratedRegex(@"thường xuyên", RegexOptions.IgnoreCase)]
    private static partial Regex OngoingDeadline();

    [GeneratedRegex(@"^\s*Khẩn trương|\bkhẩn trương\b", RegexOptions.IgnoreCase)]
    private static partial Regex UrgentWord();

    [GeneratedRegex(@"(?:Kế hoạch|Quyết định|Công văn|Chỉ thị|Thông báo|Nghị quyết|Nghị định|Thông tư|Hướng dẫn)\s+(?:số\s+)?\d+[a-zA-Z]?/[\p{Lu}Đ][\p{L}\d\-–/]*(?:\s+ngày\s+\d{1,2}/\d{1,2}/\d{4})?(?:\s+của\s+(?:UBND|Ủy ban nhân dân|Thủ tướng Chính phủ|Bộ|Sở|HĐND)(?:\s+(?:huyện|tỉnh|[\p{Lu}][\p{L}]*))*)?")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<op>đạt|tối thiểu|ít nhất|trên|không thấp hơn|không quá|dưới|đảm bảo)?\s*(?<v>\d{1,3}(?:[.,]\d+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex PercentTarget();

    [GeneratedRegex(@"không thấp hơn (?:mặt bằng chung|mức bình quân|trung bình) của tỉnh", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceTarget();

    [GeneratedRegex(@"(?<v>\d{1,3}(?:,\d+)?)\s*%")]
    private static partial Regex FigurePattern();
}
