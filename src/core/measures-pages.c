/* measures-pages.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-pages"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "measures-chart.h"
#include "measures-fonts.h"
#include "measures-index.h"
#include "measures-pages.h"
#include "measures-text.h"

/* The paged summary: the same pages for PDF export and for printing.
 * The summary is cut into pieces (a heading, a paragraph, a list item,
 * a row of a table); pieces of text break between lines across pages,
 * rows do not, and a heading never ends a page.
 *
 * The cover of a summary of several measures carries two charts of the
 * overview, drawn by the same code as the window's: the measures in
 * force per year and the timeline, in the summary's language. */

/* Charts are drawn smaller than in the window, to fit the cover. */
#define CHART_SCALE 0.7
#define COVER_TIMELINE_ROWS 12

#define MARGIN 54.0
#define HEADER 28.0

typedef struct
{
  PangoLayout *cells[4];
  double cell_x[4];
  guint n_cells;
  double x;
  double space_before;
  gboolean heading;
  gboolean bullet;
  char *outline;       /* the heading's text, for the PDF outline */
  double height;
  gboolean is_chart;
  MeasuresChart chart;
} Piece;

typedef struct
{
  Piece *piece;
  double y;            /* top of the fragment on the page */
  double from;         /* the part of the piece shown: [from, to) */
  double to;
} Fragment;

struct _MeasuresPages
{
  MeasuresSummary *summary;
  PangoContext *context;
  double width;
  double height;
  GPtrArray *pieces;   /* Piece */
  GPtrArray *pages;    /* GPtrArray of Fragment */
  MeasuresIndex *index;          /* of the summary's measures, for the charts */
  MeasuresOverview *overview;    /* borrows its labels from the index */
  MeasuresChartStyle chart_style;
};

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  for (guint i = 0; i < piece->n_cells; i++)
    g_clear_object (&piece->cells[i]);
  g_free (piece->outline);
  g_free (piece);
}

void
measures_pages_free (MeasuresPages *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->overview, measures_overview_free);
  g_clear_object (&self->index);
  g_clear_object (&self->context);
  g_free (self);
}

static PangoLayout *
make_layout (MeasuresPages *self,
             const char    *text,
             double         size,
             gboolean       bold,
             double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (measures_fonts_get_family ());

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Record text is set as text, never as markup. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static Piece *
add_text (MeasuresPages *self,
          const char    *text,
          double         size,
          gboolean       bold,
          double         x,
          double         space_before)
{
  Piece *piece = g_new0 (Piece, 1);
  double content = self->width - 2 * MARGIN;

  piece->cells[0] = make_layout (self, text, size, bold, content - x);
  piece->n_cells = 1;
  piece->x = x;
  piece->space_before = space_before;
  piece->height = layout_height (piece->cells[0]);
  g_ptr_array_add (self->pieces, piece);

  return piece;
}

static void
add_heading (MeasuresPages *self,
             const char    *text,
             double         size,
             double         space_before)
{
  Piece *piece = add_text (self, text, size, TRUE, 0, space_before);

  piece->heading = TRUE;
  piece->outline = g_strdup (text);
}

/* A row of cells at fractions of the width; unbreakable. */
static void
add_row (MeasuresPages      *self,
         const char * const *texts,
         const double       *fractions,
         guint               n,
         gboolean            bold,
         double              space_before)
{
  Piece *piece = g_new0 (Piece, 1);
  double content = self->width - 2 * MARGIN;
  double x = 0;

  for (guint i = 0; i < n; i++)
    {
      double width = content * fractions[i] - (i + 1 < n ? 8 : 0);

      piece->cells[i] = make_layout (self, texts[i], 9, bold, width);
      piece->cell_x[i] = x;
      piece->height = MAX (piece->height, layout_height (piece->cells[i]));
      x += content * fractions[i];
    }
  piece->n_cells = n;
  piece->space_before = space_before;
  g_ptr_array_add (self->pieces, piece);
}

static void
add_field (MeasuresPages *self,
           const char    *label,
           const char    *value)
{
  const char *texts[] = { label, value };
  static const double fractions[] = { 0.28, 0.72 };

  if (value == NULL || *value == '\0')
    return;

  add_row (self, texts, fractions, 2, FALSE, 3);
}

static void
add_counts (MeasuresPages *self,
            const char    *heading,
            GPtrArray     *counts)
{
  static const double fractions[] = { 0.85, 0.15 };

  if (counts->len == 0)
    return;

  add_heading (self, heading, 13, 16);
  for (guint i = 0; i < counts->len; i++)
    {
      const MeasuresSummaryCount *count = g_ptr_array_index (counts, i);
      g_autofree char *number = g_strdup_printf ("%u", count->count);
      const char *texts[] = { count->label, number };

      add_row (self, texts, fractions, 2, FALSE, 2);
    }
}

static double
chart_width (MeasuresPages *self)
{
  return (self->width - 2 * MARGIN) / CHART_SCALE;
}

static void
add_chart (MeasuresPages *self,
           MeasuresChart  chart)
{
  Piece *piece = g_new0 (Piece, 1);

  add_heading (self, measures_chart_get_title (chart, self->summary->translations), 13, 16);

  piece->is_chart = TRUE;
  piece->chart = chart;
  piece->space_before = 6;
  piece->height = CHART_SCALE * measures_chart_get_height_for_style (self->overview, chart, chart_width (self),
                                                                     &self->chart_style);
  g_ptr_array_add (self->pieces, piece);
}

/* The figures of the summary's own measures, labelled in its language. */
static void
make_overview (MeasuresPages *self)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresBitset) all = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < self->summary->entries->len; i++)
    {
      const MeasuresSummaryEntry *entry = g_ptr_array_index (self->summary->entries, i);

      g_ptr_array_add (measures, g_object_ref (entry->measure));
    }

  self->index = measures_index_new (measures);
  all = measures_bitset_new (measures->len);
  measures_bitset_fill (all);
  self->overview = measures_overview_new (self->index, all, g_date_time_get_year (now));
  measures_overview_relabel (self->overview, self->index, self->summary->translations);

  self->chart_style.dark = FALSE;
  self->chart_style.timeline_rows = COVER_TIMELINE_ROWS;
  self->chart_style.translations = self->summary->translations;
}

static void
build_pieces (MeasuresPages *self)
{
  MeasuresSummary *summary = self->summary;
  g_autofree char *count = measures_summary_count_text (summary, summary->entries->len);
  g_autofree char *line = NULL;

  add_heading (self, summary->title, 22, 0);
  add_text (self, summary->subtitle, 13, FALSE, 0, 6);
  line = summary->single ? g_strdup (summary->date) : g_strdup_printf ("%s · %s", summary->date, count);
  add_text (self, line, 10, FALSE, 0, 4);

  if (!summary->single)
    {
      static const double fractions[] = { 0.46, 0.18, 0.12, 0.24 };
      const char *head[] = {
        measures_summary_tr (summary, "Title"), measures_summary_tr (summary, "Country"),
        measures_summary_tr (summary, "Years"), measures_summary_tr (summary, "Type of Measure"),
      };

      if (summary->entries->len > 1)
        {
          make_overview (self);
          add_chart (self, MEASURES_CHART_YEARS);
          if (self->overview->timeline->len > 0)
            add_chart (self, MEASURES_CHART_TIMELINE);
        }

      add_counts (self, measures_summary_tr (summary, "Measures by Form of Violence"), summary->by_form);
      add_counts (self, measures_summary_tr (summary, "Measures by Type of Measure"), summary->by_type);

      add_heading (self, measures_summary_tr (summary, "Contents"), 13, 16);
      add_row (self, head, fractions, 4, TRUE, 4);
      for (guint i = 0; i < summary->entries->len; i++)
        {
          const MeasuresSummaryEntry *entry = g_ptr_array_index (summary->entries, i);
          g_autofree char *types = g_strjoinv ("; ", entry->types);
          const char *texts[] = { entry->title, entry->country, entry->years, types };

          add_row (self, texts, fractions, 4, FALSE, 3);
        }
    }

  for (guint i = 0; i < summary->entries->len; i++)
    {
      const MeasuresSummaryEntry *entry = g_ptr_array_index (summary->entries, i);
      g_autofree char *types = g_strjoinv ("\n", entry->types);
      g_autofree char *forms = g_strjoinv ("\n", entry->forms);

      if (!summary->single)
        add_heading (self, entry->title, 14, 22);
      else
        add_text (self, "", 4, FALSE, 0, 8);

      if (entry->title_fallback || entry->description_fallback)
        add_text (self, measures_summary_tr (summary, "Shown in English: the record has no text in this language."),
                  9, FALSE, 0, 4);

      add_field (self, measures_summary_tr (summary, "Country"), entry->country);
      add_field (self, measures_summary_tr (summary, "Region"), entry->region);
      add_field (self, measures_summary_tr (summary, "Years"), entry->years);
      add_field (self, measures_summary_tr (summary, "Type of Measure"), types);
      add_field (self, measures_summary_tr (summary, "Form of Violence"), forms);

      if (entry->description->len > 0)
        {
          add_text (self, measures_summary_tr (summary, "Description"), 11, TRUE, 0, 10);
          for (guint b = 0; b < entry->description->len; b++)
            {
              const MeasuresBlock *block = g_ptr_array_index (entry->description, b);

              if (block->kind == MEASURES_BLOCK_LIST_ITEM)
                add_text (self, block->text, 10, FALSE, 16, 3)->bullet = TRUE;
              else
                add_text (self, block->text, 10, FALSE, 0, 6);
            }
        }

      add_text (self, "", 4, FALSE, 0, 4);
      add_field (self, measures_summary_tr (summary, "Source of Information"), entry->source);
      add_field (self, measures_summary_tr (summary, "More Information"), entry->more_info);
      add_field (self, measures_summary_tr (summary, "Address"), entry->url);
    }
}

/* The y of each line boundary of a text piece, so that a page break
 * falls between lines. */
static GArray *
line_breaks (Piece *piece)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;

  if (piece->n_cells != 1 || piece->cell_x[0] != 0 || piece->heading || piece->is_chart)
    {
      double end = piece->height;

      g_array_append_val (breaks, end);
      return breaks;
    }

  iter = pango_layout_get_iter (piece->cells[0]);
  do
    {
      int y1;
      double end;

      pango_layout_iter_get_line_yrange (iter, NULL, &y1);
      end = (double) y1 / PANGO_SCALE;
      g_array_append_val (breaks, end);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return breaks;
}

static void
paginate (MeasuresPages *self)
{
  double top = MARGIN + HEADER;
  double bottom = self->height - MARGIN;
  GPtrArray *page = g_ptr_array_new_with_free_func (g_free);
  double y = top;

  g_ptr_array_add (self->pages, page);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);
      g_autoptr(GArray) breaks = line_breaks (piece);
      double from = 0;

      if (y > top)
        y += piece->space_before;

      /* A heading keeps at least its next piece's first lines with it. */
      if (piece->heading && y > top && y + piece->height + 40 > bottom)
        {
          page = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->pages, page);
          y = top;
        }

      while (from < piece->height)
        {
          double to = from;
          Fragment *fragment;

          for (guint b = 0; b < breaks->len; b++)
            {
              double end = g_array_index (breaks, double, b);

              if (end <= from)
                continue;
              if (y + (end - from) > bottom && to > from)
                break;
              to = end;
              if (y + (end - from) > bottom)
                break;
            }

          /* Nothing fits here but the page is not empty: next page. */
          if (y + (to - from) > bottom && y > top)
            {
              page = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (self->pages, page);
              y = top;
              continue;
            }

          fragment = g_new0 (Fragment, 1);
          fragment->piece = piece;
          fragment->y = y;
          fragment->from = from;
          fragment->to = to;
          g_ptr_array_add (page, fragment);

          y += to - from;
          from = to;

          if (from < piece->height)
            {
              page = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (self->pages, page);
              y = top;
            }
        }
    }
}

/**
 * measures_pages_new:
 * @summary: the summary to lay out; it must outlive the pages
 * @context: (transfer none): the Pango context of the surface drawn on
 * @width: the page width, in the units of the surface (points for PDF)
 * @height: the page height
 *
 * Returns: (transfer full): the summary cut into pages
 */
MeasuresPages *
measures_pages_new (MeasuresSummary *summary,
                    PangoContext    *context,
                    double           width,
                    double           height)
{
  MeasuresPages *self = g_new0 (MeasuresPages, 1);

  self->summary = summary;
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->pieces = g_ptr_array_new_with_free_func (piece_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  build_pieces (self);
  paginate (self);

  return self;
}

guint
measures_pages_get_n_pages (MeasuresPages *self)
{
  return self->pages->len;
}

static void
draw_header (MeasuresPages *self,
             cairo_t       *cr,
             guint          page)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  int w;

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);

  if (page > 0)
    {
      title = make_layout (self, self->summary->title, 8, FALSE, self->width - 2 * MARGIN);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, MARGIN, MARGIN - 12);
      pango_cairo_show_layout (cr, title);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, MARGIN + 2);
      cairo_line_to (cr, self->width - MARGIN, MARGIN + 2);
      cairo_stroke (cr);
    }

  /* Translators: the footer of each page of a summary, "Page 2 of 7" */
  number = g_strdup_printf (measures_translations_get (self->summary->translations, NULL, N_("Page %u of %u")),
                            page + 1, self->pages->len);
  footer = make_layout (self, number, 8, FALSE, -1);
  pango_layout_set_width (footer, -1);
  pango_layout_get_size (footer, &w, NULL);
  cairo_move_to (cr, (self->width - (double) w / PANGO_SCALE) / 2, self->height - MARGIN + 14);
  pango_cairo_show_layout (cr, footer);
}

/**
 * measures_pages_draw:
 * @self: pages
 * @cr: where to draw, with its origin at the page's corner
 * @page: which page
 *
 * Draws one page. On a PDF surface its headings go into the outline.
 */
void
measures_pages_draw (MeasuresPages *self,
                     cairo_t       *cr,
                     guint          page)
{
  GPtrArray *fragments;
  cairo_surface_t *target = cairo_get_target (cr);
  gboolean pdf = cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF;

  g_return_if_fail (page < self->pages->len);

  fragments = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_header (self, cr, page);
  cairo_restore (cr);

  for (guint i = 0; i < fragments->len; i++)
    {
      const Fragment *fragment = g_ptr_array_index (fragments, i);
      const Piece *piece = fragment->piece;

      cairo_save (cr);
      cairo_rectangle (cr, 0, fragment->y, self->width, fragment->to - fragment->from);
      cairo_clip (cr);

      if (piece->is_chart)
        {
          /* Text measured as in the window and in images, at 96 dpi, so
           * that the chart keeps its proportions on paper. */
          PangoContext *context = measures_canvas_create_context (96);

          cairo_translate (cr, MARGIN, fragment->y - fragment->from);
          cairo_scale (cr, CHART_SCALE, CHART_SCALE);
          pango_cairo_update_context (cr, context);
          measures_chart_draw (self->overview, piece->chart, cr, context, chart_width (self),
                               piece->height / CHART_SCALE, &self->chart_style);
          g_object_unref (context);
        }

      for (guint c = 0; c < piece->n_cells; c++)
        {
          /* The first cell of a field row is its label, in grey. */
          if (piece->n_cells == 2 && c == 0 && !piece->heading)
            cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

          cairo_move_to (cr, MARGIN + piece->x + piece->cell_x[c], fragment->y - fragment->from);
          pango_cairo_show_layout (cr, piece->cells[c]);
        }

      if (piece->bullet && fragment->from == 0)
        {
          g_autoptr(PangoLayout) bullet = make_layout (self, "•", 10, TRUE, -1);

          cairo_move_to (cr, MARGIN + piece->x - 11, fragment->y);
          pango_cairo_show_layout (cr, bullet);
        }

      cairo_restore (cr);

      if (pdf && piece->outline != NULL && fragment->from == 0)
        {
          g_autofree char *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1, MARGIN, fragment->y);

          cairo_pdf_surface_add_outline (target, CAIRO_PDF_OUTLINE_ROOT, piece->outline, link, 0);
        }
    }
}

/**
 * measures_paper_size:
 * @width: (out): the page width in points
 * @height: (out): the page height in points
 *
 * The paper of the locale: Letter in the Americas, A4 elsewhere.
 */
void
measures_paper_size (double *width,
                     double *height)
{
#ifdef _NL_PAPER_WIDTH
  int mm_width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
  int mm_height = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

  if (mm_width == 216 && mm_height == 279)
    {
      *width = 612;
      *height = 792;
      return;
    }
#endif

  *width = 595.28;
  *height = 841.89;
}

/**
 * measures_summary_to_pdf:
 *
 * Draws the summary with Pango and Cairo; needs no display.
 *
 * Returns: (transfer full) (nullable): the PDF document
 */
GBytes *
measures_summary_to_pdf (MeasuresSummary  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  MeasuresPages *pages;
  double width, height;
  cairo_status_t status;

  measures_paper_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (measures_canvas_append_to_array, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  measures_summary_tr (self, N_("Measures")));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subtitle);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Measures " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pages = measures_pages_new (self, context, width, height);
  g_object_unref (context);

  for (guint i = 0; i < measures_pages_get_n_pages (pages); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      measures_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }

  measures_pages_free (pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_byte_array_unref (data);
      return NULL;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      g_byte_array_unref (data);
      return NULL;
    }

  return g_byte_array_free_to_bytes (data);
}
