using System.Text.Json;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary><c>parse-notice --json</c> prints the reading in the shape docs/import.md documents, and nothing else.</summary>
public class The_machine_readable_reading(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Has_the_documented_shape_and_reads_the_seed_notice()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, NoticeSeed.OriginalText() + "\n\nGiao Văn phòng HĐND&UBND huyện theo dõi, kiểm tra, đôn đốc việc thực hiện./.");
            var output = new StringWriter();
            _ = factory.Services;
            Assert.Equal(0, await PortalCommands.RunAsync(factory.Services, ["parse-notice", "--file", file, "--json"], output));
            using var doc = JsonDocument.Parse(output.ToString()); // the whole output is one JSON document
            var root = doc.RootElement;

            foreach (var (name, kinds) in new (string, JsonValueKind[])[]
            {
                ("number", [JsonValueKind.String, JsonValueKind.Null]), ("issuingBody", [JsonValueKind.String, JsonValueKind.Null]),
                ("issued", [JsonValueKind.String, JsonValueKind.Null]), ("meeting", [JsonValueKind.String, JsonValueKind.Null]),
                ("meetingCertain", [JsonValueKind.True, JsonValueKind.False]), ("chair", [JsonValueKind.String, JsonValueKind.Null]),
                ("monitoring", [JsonValueKind.Object, JsonValueKind.Null]), ("tasks", [JsonValueKind.Array]), ("figures", [JsonValueKind.Array]),
            })
            {
                Assert.Contains(root.GetProperty(name).ValueKind, kinds);
            }

            Assert.Equal("2023-08-31", root.GetProperty("meeting").GetString());
            Assert.Equal("VPHDND", root.GetProperty("monitoring").GetProperty("code").GetString());
            var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(["1", "3.a", "3.b", "3.c", "3.d", "3.e"], tasks.Select(t => t.GetProperty("label").GetString()));
            foreach (var t in tasks)
            {
                foreach (var role in new[] { "lead", "coordinating", "implementing" })
                {
                    Assert.All(t.GetProperty(role).EnumerateArray(), u => Assert.False(string.IsNullOrEmpty(u.GetProperty("name").GetString())));
                }

                var deadline = t.GetProperty("deadline");
                Assert.Contains(deadline.GetProperty("kind").GetString(), new[] { "date", "month", "quarter", "year", "ongoing", "urgent", "recurring", "none" });
                Assert.True(deadline.TryGetProperty("lastDay", out _) && deadline.TryGetProperty("recurrence", out _) && deadline.TryGetProperty("written", out _));
                Assert.Equal(JsonValueKind.Array, t.GetProperty("references").ValueKind);
                Assert.Equal(JsonValueKind.Array, t.GetProperty("targets").ValueKind);
            }

            var d = tasks.Single(t => t.GetProperty("label").GetString() == "3.d").GetProperty("deadline");
            Assert.Equal(("month", "2023-09-30"), (d.GetProperty("kind").GetString(), d.GetProperty("lastDay").GetString()));
            Assert.Equal("urgent", tasks.Single(t => t.GetProperty("label").GetString() == "3.c").GetProperty("deadline").GetProperty("kind").GetString());
            Assert.Equal("NOIVU", tasks[0].GetProperty("lead")[0].GetProperty("code").GetString());
            Assert.Contains("125/KH-UBND", tasks[1].GetProperty("references").EnumerateArray().Select(r => r.GetString()));
            Assert.Contains("28,72 %", root.GetProperty("figures").EnumerateArray().Select(f => f.GetString()));

            // A file that does not exist: a word on standard error and exit code 2, nothing on standard output.
            var nothing = new StringWriter();
            Assert.Equal(2, await PortalCommands.RunAsync(factory.Services, ["parse-notice", "--file", file + ".khong-co", "--json"], nothing));
            Assert.Equal(string.Empty, nothing.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Reads_a_Word_file_with_a_task_table_a_recurring_duty_and_a_new_unit()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bang-{Guid.NewGuid():N}.docx");
        try
        {
            await File.WriteAllBytesAsync(file, TableDocx());
            var output = new StringWriter();
            Assert.Equal(0, await PortalCommands.RunAsync(factory.Services, ["parse-notice", "--file", file, "--json"], output));
            using var doc = JsonDocument.Parse(output.ToString());
            var root = doc.RootElement;
            Assert.False(root.GetProperty("meetingCertain").GetBoolean()); // no meeting date: the issue date stands in
            Assert.Equal("2024-06-14", root.GetProperty("meeting").GetString());
            var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(["1", "2"], tasks.Select(t => t.GetProperty("label").GetString()));

            var monthly = tasks[1].GetProperty("deadline");
            Assert.Equal(("recurring", "M25", JsonValueKind.Null), (monthly.GetProperty("kind").GetString(), monthly.GetProperty("recurrence").GetString(), monthly.GetProperty("lastDay").ValueKind));
            var police = tasks[1].GetProperty("coordinating").EnumerateArray().Single();
            Assert.Equal(("Công an huyện", JsonValueKind.Null), (police.GetProperty("name").GetString(), police.GetProperty("code").ValueKind));
            Assert.Equal("NOIVU", tasks[1].GetProperty("lead")[0].GetProperty("code").GetString());
            Assert.Equal(11, tasks[0].GetProperty("implementing").GetArrayLength()); // "UBND các xã, thị trấn": the communes by name
            Assert.All(tasks[0].GetProperty("implementing").EnumerateArray(), u => Assert.StartsWith("UBND ", u.GetProperty("name").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A Word notice whose tasks sit in a table.</summary>
    private static byte[] TableDocx()
    {
        using var stream = new MemoryStream();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            static DocumentFormat.OpenXml.Wordprocessing.Paragraph P(string text) => new(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));
            static DocumentFormat.OpenXml.Wordprocessing.TableRow Row(params string[] cells) => new(cells.Select(c => new DocumentFormat.OpenXml.Wordprocessing.TableCell(P(c))));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                P("UBND HUYỆN HIỆP ĐỨC"), P("Số: 176/TB-UBND"), P("Hiệp Đức, ngày 14 tháng 6 năm 2024"), P(string.Empty),
                P("THÔNG BÁO"), P("Kết luận về chế độ báo cáo"), P(string.Empty),
                P("Chủ tịch UBND huyện giao các cơ quan, đơn vị thực hiện các nhiệm vụ sau:"),
                new DocumentFormat.OpenXml.Wordprocessing.Table(
                    Row("STT", "Nhiệm vụ", "Thời hạn", "Cơ quan chủ trì", "Cơ quan phối hợp"),
                    Row("1", "Niêm yết công khai thủ tục hành chính", "Tháng 7/2024", "UBND các xã, thị trấn", string.Empty),
                    Row("2", "Báo cáo kết quả giải quyết hồ sơ", "Hằng tháng, trước ngày 25", "Phòng Nội vụ", "Công an huyện")),
                P("Giao Văn phòng HĐND&UBND huyện theo dõi, đôn đốc./.")));
        }

        return stream.ToArray();
    }
}
