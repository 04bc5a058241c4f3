using System.Diagnostics;
using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.Web.Components.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// The Word file of a large multi-article issue (about 15 printed pages: four articles, each with 4 sections of 4
/// paragraphs, a list, a pull quote, a sidebar and a table), warm: loading the issue, and writing the .docx.
/// </summary>
public static class BulletinDocxWriting
{
    public static async Task RunAsync(int runs)
    {
        string data;
        using (var factory = BenchmarkApp.Create("bulletin-docx", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var bulletins = services.GetRequiredService<BulletinService>();
            var docx = services.GetRequiredService<BulletinDocx>();
            var series = (await bulletins.SearchSeriesAsync(new Core.Common.PageRequest(0, 10))).Items.Single().Id;
            var created = await bulletins.CreateAsync(BenchmarkApp.Admin, new BulletinInput
            {
                SeriesId = series,
                IssueDate = new DateOnly(2024, 12, 1),
                Title = "区域科技创新中心建设研究综述",
                Kicker = "浦江论坛专题",
                Standfirst = "本期汇总各地区域科技创新中心建设的做法。",
                Body = Body(1),
                Authors = [new BulletinAuthorInput { Name = "作者甲", Note = "某研究院研究员" }],
                Articles = [.. Enumerable.Range(2, 3).Select(n => new BulletinArticle { Title = $"第{n}篇：人才与产业", Byline = "作者乙", AuthorNote = "某大学教授", Body = Body(n) })],
                CompiledBy = "整理人",
            });
            var id = created.Id;
            var view = (await bulletins.ViewAsync(id))!;
            var size = docx.Write(view).Length; // warm-up
            var load = new List<double>();
            var write = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                view = (await bulletins.ViewAsync(id))!;
                load.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                size = docx.Write(view).Length;
                write.Add(sw.Elapsed.TotalMilliseconds);
            }
            var chars = view.BodyMarkdown.Length + view.Articles.Sum(a => a.BodyMarkdown.Length);
            Console.WriteLine($"docx of a 4-article issue ({chars:N0} Markdown characters): write median {Median(write):F1} ms (min {write.Min():F1}, max {write.Max():F1}), load {Median(load):F1} ms, {size / 1024} KB, {runs} runs");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static string Body(int article)
    {
        var text = new System.Text.StringBuilder();
        for (var s = 1; s <= 4; s++)
        {
            text.Append("## 第").Append(article).Append('-').Append(s).AppendLine("部分：区域科技创新中心的建设路径").AppendLine();
            text.AppendLine("### 主要做法").AppendLine();
            for (var p = 1; p <= 4; p++)
            {
                text.Append("**刘冬梅**认为，区域科技创新中心应当依托本地产业基础，聚焦关键领域，推动科研机构、高等院校和企业之间形成稳定的合作关系，")
                    .AppendLine("在人才培养、成果转化和开放合作方面持续发力。").AppendLine();
            }
            text.AppendLine("1. 统筹创新资源；").AppendLine("2. 完善协同机制；").AppendLine("3. 优化创新生态。").AppendLine();
        }
        text.AppendLine("::: pullquote").AppendLine("创新是第一动力。").AppendLine(":::").AppendLine();
        text.AppendLine("::: sidebar 资料来源").AppendLine("某统计年鉴。").AppendLine(":::").AppendLine();
        text.AppendLine("| 指标 | 2023 | 2024 |").AppendLine("| --- | --- | --- |").AppendLine("| 研发投入 | 1.2 | 1.4 |").AppendLine();
        return text.ToString();
    }
}
