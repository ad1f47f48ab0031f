using System.Globalization;
using System.Text;

namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>Text helpers for Vietnamese: accent- and case-insensitive search keys.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Folds text to a search key: lower case, no diacritics, "đ" → "d", single spaces.
    /// "Hiệp Thuận", "HIỆP THUẬN" and "hiep thuan" all fold to "hiep thuan".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(folded);
        }

        return builder.ToString().TrimEnd();
    }
}
