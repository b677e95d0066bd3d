// The OpenDocument text writer of the transfer report (see makeOdtDocument in document.hpp).
//
// The package is built in memory: content.xml, styles.xml, meta.xml, the manifest and the charts as
// PNG images (rendered with librsvg + cairo from the same SVG as the HTML report), zipped with
// libzip. The "mimetype" entry comes first and is stored uncompressed, as ODF requires, so that
// `file` and office suites recognise the document. No clock: every entry has the same fixed time,
// so the same report gives the same bytes.

#include "document.hpp"

#include "escape.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace lernraum::report {

namespace {

// XML text: sanitized (no control characters, valid UTF-8), & < > " escaped.
std::string xmlText(std::string_view text) { return escapeHtml(sanitizeText(text, false)); }

// Paragraph content: line breaks become <text:line-break/>, runs of spaces <text:s/>, tabs
// <text:tab/> (ODF collapses white space in text like HTML does).
std::string odfText(std::string_view raw) {
    const std::string text = escapeHtml(sanitizeText(raw, true));
    std::string out;
    std::size_t spaces = 0;
    auto flushSpaces = [&] {
        if (spaces == 0) return;
        out += ' ';
        if (spaces > 1) out += "<text:s text:c=\"" + std::to_string(spaces - 1) + "\"/>";
        spaces = 0;
    };
    for (const char c : text) {
        if (c == ' ') {
            ++spaces;
            continue;
        }
        flushSpaces();
        if (c == '\n') out += "<text:line-break/>";
        else if (c == '\t') out += "<text:tab/>";
        else out += c;
    }
    flushSpaces();
    return out;
}

std::string cm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fcm", v);
    return buf;
}

// ---------------------------------------------------------------------------------------------
// SVG -> PNG

struct PngImage {
    std::string bytes;
    double width = 0, height = 0; // CSS pixels of the SVG
};

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Renders at `scale` times the SVG's pixel size (2: sharp in print at 16 cm). Empty on failure.
PngImage renderPng(const std::string& svg, double scale) {
    PngImage image;
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    if (!handle) {
        if (error) g_error_free(error);
        return image;
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || w <= 0 || h <= 0 || w > 4000 || h > 8000) {
        g_object_unref(handle);
        return image;
    }
    const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(h * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
    const bool ok = rsvg_handle_render_document(handle, cr, &viewport, &error) != FALSE;
    if (error) g_error_free(error);
    cairo_destroy(cr);
    if (ok) {
        cairo_surface_flush(surface);
        if (cairo_surface_write_to_png_stream(surface, appendToString, &image.bytes) != CAIRO_STATUS_SUCCESS) image.bytes.clear();
    }
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    image.width = w;
    image.height = h;
    return image;
}

// ---------------------------------------------------------------------------------------------
// The zip package

struct Entry {
    std::string name;
    std::string bytes;
};

// Entries in order; the first is stored, the rest deflated. Throws std::runtime_error on failure.
std::string zipPackage(const std::vector<Entry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw std::runtime_error("cannot create the ODT package in memory");
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        throw std::runtime_error("cannot create the ODT package in memory");
    }
    zip_source_keep(buffer); // survives zip_close: it holds the result
    auto fail = [&](const char* what) {
        zip_discard(archive);
        zip_source_free(buffer);
        throw std::runtime_error(std::string("cannot write the ODT package: ") + what);
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        zip_source_t* source = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
        if (!source) fail(e.name.c_str());
        const zip_int64_t index = zip_file_add(archive, e.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail(e.name.c_str());
        }
        const auto at = static_cast<zip_uint64_t>(index);
        // PNG is compressed already; the mimetype must be stored (ODF 1.2 part 3, 3.3).
        const bool store = i == 0 || e.name.ends_with(".png");
        if (zip_set_file_compression(archive, at, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0) fail(e.name.c_str());
        // 1980-01-01 00:00 in MS-DOS format: a fixed time, independent of the clock and time zone.
        if (zip_file_set_dostime(archive, at, 0, (0 << 9) | (1 << 5) | 1, 0) < 0) fail(e.name.c_str());
    }
    if (zip_close(archive) < 0) {
        zip_source_free(buffer);
        throw std::runtime_error("cannot write the ODT package");
    }
    std::string out;
    if (zip_source_open(buffer) < 0) {
        zip_source_free(buffer);
        throw std::runtime_error("cannot read the ODT package back");
    }
    char chunk[65536];
    zip_int64_t n = 0;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (n < 0) throw std::runtime_error("cannot read the ODT package back");
    return out;
}

// ---------------------------------------------------------------------------------------------

constexpr std::string_view kNamespaces =
    R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
    R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
    R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
    R"( xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")"
    R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
    R"( xmlns:xlink="http://www.w3.org/1999/xlink")"
    R"( xmlns:dc="http://purl.org/dc/elements/1.1/")"
    R"( xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0")"
    R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
    R"( office:version="1.2")";

constexpr std::string_view kFont = "DejaVu Sans";

// Named styles: what a user sees in LibreOffice's / Word's style list and can change once for the
// whole document. Heading styles carry outline levels (navigator, table of contents, PDF bookmarks).
std::string stylesXml(const PageText& page, std::string_view runningHeader, std::string_view language) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles";
    s += kNamespaces;
    s += ">\n<office:font-face-decls><style:font-face style:name=\"DejaVu Sans\" svg:font-family=\"'DejaVu Sans'\" "
         "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>\n<office:styles>\n";
    s += "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
         "<style:text-properties style:font-name=\"" + std::string(kFont) +
         "\" fo:font-size=\"10.5pt\" fo:language=\"" + std::string(language == "de" ? "de" : "en") + "\" fo:country=\"" +
         std::string(language == "de" ? "DE" : "GB") + "\" fo:hyphenate=\"true\"/></style:default-style>\n";
    s += "<style:default-style style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.08cm\"/></style:default-style>\n";
    s += "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n";
    s += "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Standard\" style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0cm\" "
         "fo:margin-bottom=\"0.2cm\" fo:line-height=\"125%\"/></style:style>\n";
    s += "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
         "style:next-style-name=\"Text_20_body\" style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.42cm\" "
         "fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\" "
         "fo:color=\"#1d1d1b\"/></style:style>\n";
    const char* sizes[] = {"20pt", "16pt", "13pt", "11pt"};
    for (int level = 1; level <= 4; ++level) {
        const std::string n = std::to_string(level);
        s += "<style:style style:name=\"Heading_20_" + n + "\" style:display-name=\"Heading " + n +
             "\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\" "
             "style:default-outline-level=\"" + n + "\" style:class=\"text\">";
        if (level == 2)
            s += "<style:paragraph-properties fo:margin-top=\"0.6cm\" fo:padding-bottom=\"0.05cm\" "
                 "fo:border-bottom=\"1.5pt solid #0072b2\"/>";
        s += "<style:text-properties fo:font-size=\"" + std::string(sizes[level - 1]) + "\"/></style:style>\n";
    }
    s += "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
         "style:class=\"chapter\"><style:paragraph-properties fo:margin-bottom=\"0.4cm\"/><style:text-properties "
         "fo:color=\"#5a5a57\" fo:font-size=\"11pt\"/></style:style>\n";
    s += "<style:style style:name=\"Note\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\">"
         "<style:text-properties fo:color=\"#5a5a57\" fo:font-style=\"italic\"/></style:style>\n";
    s += "<style:style style:name=\"Caption\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
         "style:class=\"extra\"><style:paragraph-properties fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.1cm\" "
         "fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n";
    s += "<style:style style:name=\"Figure\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
         "style:class=\"extra\"><style:paragraph-properties fo:margin-bottom=\"0.2cm\"/></style:style>\n";
    s += "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Standard\" style:class=\"extra\"><style:text-properties fo:font-size=\"9.5pt\"/></style:style>\n";
    s += "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\n";
    s += "<style:style style:name=\"Table_20_Number\" style:display-name=\"Table Number\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\"><style:paragraph-properties fo:text-align=\"end\"/></style:style>\n";
    s += "<style:style style:name=\"Table_20_Heading_20_Number\" style:display-name=\"Table Heading Number\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Table_20_Heading\" style:class=\"extra\"><style:paragraph-properties fo:text-align=\"end\"/></style:style>\n";
    s += "<style:style style:name=\"Header\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
         "<style:paragraph-properties fo:text-align=\"end\"/><style:text-properties fo:font-size=\"9pt\" fo:color=\"#5a5a57\"/></style:style>\n";
    s += "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Header\" style:class=\"extra\"/>\n";
    s += "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" style:family=\"text\">"
         "<style:text-properties fo:font-weight=\"bold\"/></style:style>\n";
    s += "<style:style style:name=\"Graphics\" style:family=\"graphic\"><style:graphic-properties text:anchor-type=\"as-char\" "
         "svg:y=\"0cm\" style:vertical-pos=\"top\" style:vertical-rel=\"baseline\"/></style:style>\n";
    s += "<text:list-style style:name=\"List_20_Bullet\" style:display-name=\"List Bullet\">"
         "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"><style:list-level-properties "
         "text:list-level-position-and-space-mode=\"label-alignment\"><style:list-level-label-alignment "
         "text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.6cm\" fo:text-indent=\"-0.4cm\" "
         "fo:margin-left=\"0.6cm\"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>\n";
    s += "</office:styles>\n<office:automatic-styles>\n";
    s += "<style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
         "style:print-orientation=\"portrait\" fo:margin-top=\"1.2cm\" fo:margin-bottom=\"1.2cm\" fo:margin-left=\"2cm\" "
         "fo:margin-right=\"1.8cm\"/><style:header-style><style:header-footer-properties fo:min-height=\"0cm\" "
         "fo:margin-bottom=\"0.4cm\"/></style:header-style><style:footer-style><style:header-footer-properties "
         "fo:min-height=\"0cm\" fo:margin-top=\"0.4cm\"/></style:footer-style></style:page-layout>\n";
    s += "</office:automatic-styles>\n<office:master-styles>\n<style:master-page style:name=\"Standard\" "
         "style:page-layout-name=\"pm1\">";
    if (!runningHeader.empty()) s += "<style:header><text:p text:style-name=\"Header\">" + odfText(runningHeader) + "</text:p></style:header>";
    s += "<style:footer><text:p text:style-name=\"Footer\">" + xmlText(page.page) +
         " <text:page-number text:select-page=\"current\">1</text:page-number> " + xmlText(page.of) +
         " <text:page-count>1</text:page-count></text:p></style:footer>";
    s += "</style:master-page>\n</office:master-styles>\n</office:document-styles>\n";
    return s;
}

class OdtDocument final : public Document {
public:
    OdtDocument(std::string_view language, std::string_view documentTitle, const PageText& page, std::string_view runningHeader,
                std::string_view author)
        : m_language(language), m_title(documentTitle), m_page(page), m_runningHeader(runningHeader), m_author(author) {}

    void title(std::string_view text, std::string_view subtitle) override {
        m_body += "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">" + odfText(text) + "</text:h>\n";
        if (!subtitle.empty()) m_body += "<text:p text:style-name=\"Subtitle\">" + odfText(subtitle) + "</text:p>\n";
    }
    void heading(int level, std::string_view text) override {
        const std::string n = std::to_string(std::clamp(level, 2, 4));
        m_body += "<text:h text:style-name=\"Heading_20_" + n + "\" text:outline-level=\"" + n + "\">" +
                  odfText(sanitizeText(text, false)) + "</text:h>\n";
    }
    void paragraph(std::string_view text) override { m_body += "<text:p text:style-name=\"Text_20_body\">" + odfText(text) + "</text:p>\n"; }
    void note(std::string_view text) override { m_body += "<text:p text:style-name=\"Note\">" + odfText(text) + "</text:p>\n"; }
    void fields(const std::vector<std::pair<std::string, std::string>>& kv) override {
        for (const auto& [k, v] : kv)
            m_body += "<text:p text:style-name=\"Text_20_body\"><text:span text:style-name=\"Strong_20_Emphasis\">" + odfText(k) +
                      ":</text:span> " + odfText(v) + "</text:p>\n";
    }
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& numeric) override {
        if (header.empty()) return;
        const std::string name = "Table" + std::to_string(++m_tables);
        auto isNum = [&](std::size_t i) { return i < numeric.size() && numeric[i]; };
        m_body += "<table:table table:name=\"" + name + "\" table:style-name=\"Tbl\">\n<table:table-column table:style-name=\"TblCol\" "
                  "table:number-columns-repeated=\"" + std::to_string(header.size()) + "\"/>\n";
        m_body += "<table:table-header-rows><table:table-row>";
        for (std::size_t i = 0; i < header.size(); ++i)
            m_body += "<table:table-cell table:style-name=\"TblHead\" office:value-type=\"string\"><text:p text:style-name=\"" +
                      std::string(isNum(i) ? "Table_20_Heading_20_Number" : "Table_20_Heading") + "\">" + odfText(header[i]) +
                      "</text:p></table:table-cell>";
        m_body += "</table:table-row></table:table-header-rows>\n";
        for (const auto& row : rows) {
            m_body += "<table:table-row>";
            for (std::size_t i = 0; i < header.size(); ++i)
                m_body += "<table:table-cell table:style-name=\"TblCell\" office:value-type=\"string\"><text:p text:style-name=\"" +
                          std::string(isNum(i) ? "Table_20_Number" : "Table_20_Contents") + "\">" +
                          (i < row.size() ? odfText(row[i]) : std::string{}) + "</text:p></table:table-cell>";
            m_body += "</table:table-row>\n";
        }
        m_body += "</table:table>\n<text:p text:style-name=\"Text_20_body\"/>\n";
    }
    void list(const std::vector<std::string>& items) override {
        if (items.empty()) return;
        m_body += "<text:list text:style-name=\"List_20_Bullet\">\n";
        for (const auto& item : items)
            m_body += "<text:list-item><text:p text:style-name=\"Text_20_body\">" + odfText(item) + "</text:p></text:list-item>\n";
        m_body += "</text:list>\n";
    }
    void barChart(const BarChart& chart) override {
        figure(chart.title, barChartSvg(chart, true));
        if (!chart.caption.empty()) note(chart.caption);
        std::vector<bool> numeric{false, true};
        if (!chart.bars.empty()) table({chart.table.labelHeader, chart.table.valueHeader}, barChartTable(chart), numeric);
    }
    void flowChart(const FlowChart& chart) override {
        if (chart.days.empty() || chart.columns.empty()) return;
        figure(chart.title, flowChartSvg(chart, true));
        std::vector<bool> numeric(chart.columns.size() + 1, true);
        numeric[0] = false;
        table(flowChartHeader(chart), flowChartTable(chart), numeric);
    }

    std::string finish(std::string_view footer) override {
        m_body += "<text:p text:style-name=\"Footer\">" + odfText(footer) + "</text:p>\n";
        std::string content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content";
        content += kNamespaces;
        content += ">\n<office:automatic-styles>\n"
                   "<style:style style:name=\"Tbl\" style:family=\"table\"><style:table-properties style:width=\"17.2cm\" "
                   "table:align=\"margins\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.1cm\"/></style:style>\n"
                   "<style:style style:name=\"TblCol\" style:family=\"table-column\"/>\n"
                   "<style:style style:name=\"TblHead\" style:family=\"table-cell\"><style:table-cell-properties "
                   "fo:background-color=\"#eeeeea\" fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #c9c9c4\"/></style:style>\n"
                   "<style:style style:name=\"TblCell\" style:family=\"table-cell\"><style:table-cell-properties "
                   "fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #c9c9c4\"/></style:style>\n"
                   "<style:style style:name=\"fr1\" style:family=\"graphic\" style:parent-style-name=\"Graphics\">"
                   "<style:graphic-properties style:wrap=\"none\" style:vertical-pos=\"top\" style:vertical-rel=\"baseline\" "
                   "style:horizontal-pos=\"center\" style:horizontal-rel=\"paragraph\"/></style:style>\n"
                   "</office:automatic-styles>\n<office:body>\n<office:text>\n";
        content += m_body;
        content += "</office:text>\n</office:body>\n</office:document-content>\n";

        std::string meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta";
        meta += kNamespaces;
        meta += ">\n<office:meta><meta:generator>Lernraum</meta:generator><dc:title>" + xmlText(m_title) + "</dc:title><dc:language>" +
                xmlText(m_language) + "</dc:language>";
        if (!m_author.empty()) meta += "<meta:initial-creator>" + xmlText(m_author) + "</meta:initial-creator><dc:creator>" + xmlText(m_author) + "</dc:creator>";
        meta += "</office:meta>\n</office:document-meta>\n";

        std::string manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                               "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
                               " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
                               "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n";
        for (const char* f : {"content.xml", "styles.xml", "meta.xml"})
            manifest += std::string(" <manifest:file-entry manifest:full-path=\"") + f + "\" manifest:media-type=\"text/xml\"/>\n";
        for (const auto& image : m_images)
            manifest += " <manifest:file-entry manifest:full-path=\"" + image.name + "\" manifest:media-type=\"image/png\"/>\n";
        manifest += "</manifest:manifest>\n";

        std::vector<Entry> entries;
        entries.push_back({"mimetype", "application/vnd.oasis.opendocument.text"});
        entries.push_back({"META-INF/manifest.xml", std::move(manifest)});
        entries.push_back({"content.xml", std::move(content)});
        entries.push_back({"styles.xml", stylesXml(m_page, m_runningHeader, m_language)});
        entries.push_back({"meta.xml", std::move(meta)});
        for (auto& image : m_images) entries.push_back(std::move(image));
        return zipPackage(entries);
    }

private:
    // The chart's title as a caption paragraph, then the image (as a character, centred) with the
    // title as its alternative text. A chart that cannot be rendered is left out; its table stays.
    void figure(std::string_view title, const std::string& svg) {
        m_body += "<text:p text:style-name=\"Caption\">" + odfText(title) + "</text:p>\n";
        const PngImage png = renderPng(svg, 2.0);
        if (png.bytes.empty()) return;
        const std::string name = "Pictures/chart" + std::to_string(m_images.size() + 1) + ".png";
        const double widthCm = 16.0 * std::min(1.0, png.width / 640.0);
        const double heightCm = widthCm * png.height / png.width;
        m_body += "<text:p text:style-name=\"Figure\"><draw:frame draw:style-name=\"fr1\" draw:name=\"Chart" +
                  std::to_string(m_images.size() + 1) + "\" text:anchor-type=\"as-char\" svg:width=\"" + cm(widthCm) +
                  "\" svg:height=\"" + cm(heightCm) + "\" draw:z-index=\"0\"><draw:image xlink:href=\"" + name +
                  "\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/><svg:title>" + xmlText(title) +
                  "</svg:title></draw:frame></text:p>\n";
        m_images.push_back({name, png.bytes});
    }

    std::string m_language, m_title;
    PageText m_page;
    std::string m_runningHeader, m_author;
    std::string m_body;
    std::vector<Entry> m_images;
    int m_tables = 0;
};

} // namespace

std::unique_ptr<Document> makeOdtDocument(std::string_view language, std::string_view documentTitle, const PageText& page,
                                          std::string_view runningHeader, std::string_view author) {
    return std::make_unique<OdtDocument>(language, documentTitle, page, runningHeader, author);
}

} // namespace lernraum::report
