using System.Text;

namespace Mesh.Simulation.Reports;

/// <summary>Escaping for text and attribute values that is valid in both HTML and XML.</summary>
internal static class Markup
{
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not ('\n' or '\t') => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
