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
#include "measures-coverage-chart.h"
#include "measures-fonts.h"
#include "measures-index.h"
#include "measures-map.h"
#include "measures-pages.h"
#include "measures-text.h"

/* The paged summary: the same pages for PDF export and for printing.
 * The summary's blocks become pieces (a heading, a paragraph, a list
 * item, a row of a table, a chart); pieces of text break between lines
 * across pages, rows and charts do not, and a heading never ends a page.
 *
 * The charts of the cover are drawn by the same code as the window's,
 * from the summary's overview and in its language; so are the world map
 * on the cover and the coverage matrix, which starts a page and is cut
 * into parts of whole rows, each under the columns' headings, that fit
 * on a page each. */

/* Charts are drawn smaller than in the window, to fit the cover. */
#define CHART_SCALE 0.7

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
  gboolean is_map;
  gboolean new_page;   /* starts a page of its own */
  gboolean is_matrix;  /* rows [first_row, first_row + n_rows) of it */
  guint first_row;
  guint n_rows;
  gboolean legend;
  double scale;
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
add_field (MeasuresPages              *self,
           const MeasuresSummaryBlock *block)
{
  g_autofree char *value = measures_summary_block_dup_value (block, "\n");
  const char *texts[] = { block->label, value };
  static const double fractions[] = { 0.28, 0.72 };

  if (*value == '\0')
    return;

  add_row (self, texts, fractions, 2, FALSE, 3);
}

static void
add_table (MeasuresPages              *self,
           const MeasuresSummaryBlock *block)
{
  static const double count_fractions[] = { 0.85, 0.15 };
  static const double contents_fractions[] = { 0.46, 0.18, 0.12, 0.24 };
  const double *fractions = block->counts ? count_fractions : contents_fractions;
  guint n = block->counts ? G_N_ELEMENTS (count_fractions) : G_N_ELEMENTS (contents_fractions);

  if (block->header != NULL)
    {
      g_return_if_fail (g_strv_length (block->header) == n);
      add_row (self, (const char * const *) block->header, fractions, n, TRUE, 4);
    }
  for (guint i = 0; i < block->rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (block->rows, i);

      g_return_if_fail (g_strv_length ((char **) row) == n);
      add_row (self, row, fractions, n, FALSE, block->counts ? 2 : 3);
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

  piece->is_chart = TRUE;
  piece->chart = chart;
  piece->space_before = 6;
  piece->height = CHART_SCALE * measures_chart_get_height_for_style (self->summary->overview, chart,
                                                                     chart_width (self),
                                                                     &self->summary->chart_style);
  g_ptr_array_add (self->pieces, piece);
}

static void
add_map (MeasuresPages *self)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->is_map = TRUE;
  piece->space_before = 6;
  piece->height = CHART_SCALE * measures_map_get_height (self->summary->coverage, self->summary->zoom,
                                                         chart_width (self));
  g_ptr_array_add (self->pieces, piece);
}

/* The matrix, drawn at the charts' scale or smaller to fit the width,
 * cut after whole rows into parts that each fit on a page: the first
 * under its heading, which starts a page. */
static void
add_matrix (MeasuresPages *self)
{
  MeasuresCoverage *coverage = self->summary->coverage;
  Piece *heading = g_ptr_array_index (self->pieces, self->pieces->len - 1);
  double page = self->height - 2 * MARGIN - HEADER;
  double width, height, scale, room;
  guint first = 0, total = coverage->rows->len;

  measures_coverage_chart_get_size (coverage, &width, &height);
  scale = MIN (CHART_SCALE, (self->width - 2 * MARGIN) / width);
  heading->new_page = TRUE;
  room = page - heading->height - 6;

  do
    {
      Piece *piece = g_new0 (Piece, 1);
      guint n = 0;

      /* At least one row a part, however tall. */
      while (first + n < total &&
             (n == 0 ||
              scale * measures_coverage_chart_get_part_height (coverage, first, n + 1, first + n + 1 == total) <= room))
        n++;

      piece->is_matrix = TRUE;
      piece->first_row = first;
      piece->n_rows = n;
      piece->legend = first + n == total;
      piece->scale = scale;
      piece->space_before = 6;
      piece->height = scale * measures_coverage_chart_get_part_height (coverage, first, n, piece->legend);
      g_ptr_array_add (self->pieces, piece);

      first += n;
      room = page;
    }
  while (first < total);
}

/* The blocks as pieces, each in its size and with its space above. */
static void
build_pieces (MeasuresPages *self)
{
  GPtrArray *blocks = self->summary->blocks;
  guint n_field_groups = 0;
  guint group = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const MeasuresSummaryBlock *block = g_ptr_array_index (blocks, i);
      const MeasuresSummaryBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;

      switch (block->kind)
        {
        case MEASURES_SUMMARY_HEADING:
          if (block->level == 1)
            add_heading (self, block->text, 22, 0);
          else if (block->level == 2)
            add_heading (self, block->text, 13, 16);
          else if (block->level == 3)
            add_heading (self, block->text, 14, 22);
          else
            add_text (self, block->text, 11, TRUE, 0, 10);
          break;

        case MEASURES_SUMMARY_PARAGRAPH:
          if (block->style == MEASURES_PARAGRAPH_SUBTITLE)
            add_text (self, block->text, 13, FALSE, 0, 6);
          else if (block->style == MEASURES_PARAGRAPH_DATE)
            add_text (self, block->text, 10, FALSE, 0, 4);
          else if (block->style == MEASURES_PARAGRAPH_NOTE)
            add_text (self, block->text, 9, FALSE, 0, 4);
          else
            add_text (self, block->text, 10, FALSE, 0, 6);
          break;

        case MEASURES_SUMMARY_LIST_ITEM:
          add_text (self, block->text, 10, FALSE, 16, 3)->bullet = TRUE;
          break;

        case MEASURES_SUMMARY_FIELD:
          /* A measure's later tables of fields are set apart. */
          if (n_field_groups == 0 || block->group != group)
            {
              if (n_field_groups > 0)
                add_text (self, "", 4, FALSE, 0, 4);
              n_field_groups++;
              group = block->group;
            }
          add_field (self, block);
          break;

        case MEASURES_SUMMARY_TABLE:
          add_table (self, block);
          break;

        case MEASURES_SUMMARY_CHART:
          add_chart (self, block->chart);
          break;

        case MEASURES_SUMMARY_MAP:
          add_map (self);
          break;

        case MEASURES_SUMMARY_MATRIX:
          add_matrix (self);
          break;

        case MEASURES_SUMMARY_PAGE_BREAK:
          /* A measure without a title of its own starts with a gap. */
          n_field_groups = 0;
          if (next == NULL || next->kind != MEASURES_SUMMARY_HEADING)
            add_text (self, "", 4, FALSE, 0, 8);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The y of each line boundary of a text piece, so that a page break
 * falls between lines. */
static GArray *
line_breaks (Piece *piece)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;

  if (piece->n_cells != 1 || piece->cell_x[0] != 0 || piece->heading || piece->is_chart || piece->is_map ||
      piece->is_matrix)
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

/* How much of what follows the heading at @i must share its page. */
static double
keep_with (MeasuresPages *self,
           guint          i)
{
  const Piece *next = i + 1 < self->pieces->len ? g_ptr_array_index (self->pieces, i + 1) : NULL;
  double page = self->height - 2 * MARGIN - HEADER;

  if (next != NULL && (next->is_chart || next->is_map || next->is_matrix) &&
      next->space_before + next->height < page / 2)
    return next->space_before + next->height;

  return 40;
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

      if (piece->new_page && y > top)
        {
          page = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->pages, page);
          y = top;
        }

      if (y > top)
        y += piece->space_before;

      /* A heading keeps at least its next piece's first lines with it,
       * and the whole of a chart, map or part of the matrix, which do
       * not break. */
      if (piece->heading && y > top && y + piece->height + keep_with (self, i) > bottom)
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

  number = measures_summary_dup_page_label (self->summary, page + 1, self->pages->len);
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
          measures_chart_draw (self->summary->overview, piece->chart, cr, context, chart_width (self),
                               piece->height / CHART_SCALE, &self->summary->chart_style);
          g_object_unref (context);
        }
      else if (piece->is_map || piece->is_matrix)
        {
          PangoContext *context = measures_canvas_create_context (96);
          g_autoptr(MeasuresCanvas) canvas = NULL;
          double scale = piece->is_map ? CHART_SCALE : piece->scale;

          cairo_translate (cr, MARGIN, fragment->y - fragment->from);
          cairo_scale (cr, scale, scale);
          pango_cairo_update_context (cr, context);
          canvas = measures_canvas_new_cairo (cr, context);
          if (piece->is_map)
            measures_map_paint (self->summary->coverage, self->summary->zoom, canvas, chart_width (self),
                                piece->height / CHART_SCALE, &self->summary->chart_style);
          else
            measures_coverage_chart_paint_part (self->summary->coverage, canvas, &self->summary->chart_style,
                                                piece->first_row, piece->n_rows, piece->legend);
          g_clear_pointer (&canvas, measures_canvas_free);
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

/* The paper of the locale, in points: Letter in the Americas, A4
 * elsewhere. */
static void
paper_size (double *width,
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
 * measures_pages_write_pdf:
 * @summary: the summary
 * @progress: (nullable) (scope call): called after each page is drawn
 * @user_data: for @progress
 * @cancellable: (nullable): stops between pages
 * @error: return location for an error
 *
 * Draws the summary on PDF pages with Pango and Cairo; needs no display.
 *
 * Returns: (transfer full) (nullable): the PDF document
 */
GBytes *
measures_pages_write_pdf (MeasuresSummary       *summary,
                          MeasuresPagesProgress  progress,
                          gpointer               user_data,
                          GCancellable          *cancellable,
                          GError               **error)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  MeasuresPages *pages;
  double width, height;
  cairo_status_t status;
  guint n_pages;

  paper_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (measures_canvas_append_to_array, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, summary->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, summary->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary->subtitle);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Measures " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pages = measures_pages_new (summary, context, width, height);
  g_object_unref (context);

  n_pages = measures_pages_get_n_pages (pages);
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      measures_pages_draw (pages, cr, i);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (i + 1, n_pages, user_data);
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
