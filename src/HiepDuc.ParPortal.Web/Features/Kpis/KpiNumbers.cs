using System.Globalization;

namespace HiepDuc.ParPortal.Web.Features.Kpis;

/// <summary>Numbers as officials type them: "7,83" and "7.83" for a rate; "1.234" (Vietnamese) or "1,234" (English) for a count.</summary>
public static class KpiNumbers
{
    public static bool TryParseRate(string? text, out decimal rate)
    {
        rate = 0;
        var t = (text ?? string.Empty).Trim().TrimEnd('%').Trim();
        if (t.Length == 0)
        {
            return false;
        }

        // A single separator is the decimal separator, whichever the writer used.
        var normalized = t.Count(c => c is ',' or '.') == 1 ? t.Replace(',', '.') : t;
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rate) && rate is >= 0 and <= 100;
    }

    /// <summary>A whole count, with thousands separators as either culture writes them; "7,83" is not a count.</summary>
    public static bool TryParseCount(string? text, out long count)
    {
        count = 0;
        var t = (text ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return false;
        }

        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        // Grouped thousands: every group after the first has exactly three digits.
        foreach (var separator in new[] { '.', ',' })
        {
            var parts = t.Split(separator);
            if (parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3) && parts.All(p => p.All(char.IsAsciiDigit)))
            {
                return long.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out count);
            }
        }

        return false;
    }

    public static bool TryParseCount(object? cell, out long count)
    {
        count = 0;
        switch (cell)
        {
            case null:
                return false;
            case double d when d >= 0 && Math.Floor(d) == d && d < 1e15:
                count = (long)d;
                return true;
            case double:
                return false;
            case decimal m when m >= 0 && decimal.Floor(m) == m:
                count = (long)m;
                return true;
            case int or long:
                count = Convert.ToInt64(cell, CultureInfo.InvariantCulture);
                return count >= 0;
            default:
                return TryParseCount(Convert.ToString(cell, CultureInfo.InvariantCulture), out count);
        }
    }
}
