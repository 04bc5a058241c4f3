using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Events.Infrastructure.Proceedings;

/// <summary>
/// Reads the top-level bookmarks of a PDF printed by Chromium (which makes one per heading) as titles and 0-based pages.
/// The builder uses them to learn where each part of a laid-out document starts (the preface, the table of contents,
/// each abstract) without guessing from text.
/// </summary>
public static class OutlineReader
{
    public static IReadOnlyList<(string Title, int Page)> Headings(PdfDocument document, bool nested = false)
    {
        var pages = new Dictionary<PdfObjectID, int>();
        for (var i = 0; i < document.PageCount; i++)
        {
            if (document.Pages[i].Reference is { } reference) pages[reference.ObjectID] = i;
        }
        var result = new List<(string, int)>();
        var outlines = document.Internals.Catalog.Elements.GetDictionary("/Outlines");
        Walk(outlines?.Elements.GetDictionary("/First"), nested, pages, document, result);
        return result;
    }

    private static void Walk(PdfDictionary? item, bool nested, Dictionary<PdfObjectID, int> pages, PdfDocument document, List<(string, int)> result)
    {
        var guard = 0;
        while (item is not null && guard++ < 100_000)
        {
            var title = item.Elements.GetString("/Title");
            if (PageOf(item, pages, document) is { } page) result.Add((title, page));
            if (nested) Walk(item.Elements.GetDictionary("/First"), nested, pages, document, result);
            item = item.Elements.GetDictionary("/Next");
        }
    }

    private static int? PageOf(PdfDictionary item, Dictionary<PdfObjectID, int> pages, PdfDocument document)
    {
        var dest = item.Elements["/Dest"] ?? item.Elements.GetDictionary("/A")?.Elements["/D"];
        if (dest is PdfReference r) dest = r.Value;
        if (dest is PdfString or PdfName) dest = Named(document, dest is PdfString s ? s.Value : ((PdfName)dest).Value.TrimStart('/'));
        if (dest is PdfDictionary d) dest = d.Elements["/D"];
        if (dest is PdfReference r2) dest = r2.Value;
        if (dest is PdfArray { Elements.Count: > 0 } array && array.Elements[0] is PdfReference pageRef
            && pages.TryGetValue(pageRef.ObjectID, out var index))
        {
            return index;
        }
        return null;
    }

    /// <summary>A named destination, looked up in the catalog's /Names /Dests tree (or the older /Dests dictionary).</summary>
    private static PdfItem? Named(PdfDocument document, string name)
    {
        var catalog = document.Internals.Catalog;
        var tree = catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/Dests");
        if (tree is not null && FindInTree(tree, name, 0) is { } found) return found;
        return catalog.Elements.GetDictionary("/Dests")?.Elements["/" + name];
    }

    private static PdfItem? FindInTree(PdfDictionary node, string name, int depth)
    {
        if (depth > 32) return null;
        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                var key = names.Elements[i] is PdfString s ? s.Value : null;
                if (key == name) return names.Elements[i + 1] is PdfReference r ? r.Value : names.Elements[i + 1];
            }
        }
        if (node.Elements.GetArray("/Kids") is { } kids)
        {
            foreach (var kid in kids.Elements)
            {
                var child = kid is PdfReference r ? r.Value as PdfDictionary : kid as PdfDictionary;
                if (child is not null && FindInTree(child, name, depth + 1) is { } found) return found;
            }
        }
        return null;
    }
}
