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
 * on a page each.
 *
 * Pages are laid out one at a time, and only the pieces of the page
 * being laid out are kept, so that memory does not grow with the
 * summary. Each page's footer says how many pages there are, so a first
 * pass lays every page out without drawing it and notes where each
 * starts (a Position: a few numbers); drawing a page then lays it out
 * again from there, on its own, which is also how printing and its
 * preview draw any page they ask for. Drawing the pages in order goes on
 * from the page before without looking the position up.
 *
 *   walk: parts (cover, measures) → blocks → units (a block, or a row of
 *         a table) → pieces
 *   lay_out_page: pieces → the fragments of one page, and the piece
 *         carried over to the next */

/* Charts are drawn smaller than in the window, to fit the cover. */
#define CHART_SCALE 0.7

#define MARGIN 54.0
#define HEADER 28.0

typedef struct
{
  guint ref_count;
  PangoLayout *cells[4];
  double cell_x[4];
  guint n_cells;
  double x;
  double space_before;
  gboolean heading;
  gboolean bullet;
  char *outline;       /* the heading's text, for the PDF outline */
  double height;
  double keep;         /* of a heading: how much must share its page */
  gboolean new_page;   /* starts a page of its own */
  gboolean is_chart;
  MeasuresChart chart;
  gboolean is_map;
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

/* Where a piece comes from: its unit (a block, or for a table, 0 its
 * header and then each row from 1), which of the unit's pieces it is,
 * the state of the walk before the unit, and how much of it earlier
 * pages showed. Enough to lay out the page it starts anew. */
typedef struct
{
  guint part;
  guint block;
  guint row;
  guint index;
  guint n_field_groups;
  guint group;
  double from;
} Position;

/* The walk over the summary's pieces, in order. */
typedef struct
{
  GPtrArray *blocks;     /* of @part */
  guint part;
  guint block;           /* the next unit to make */
  guint row;
  guint n_field_groups;  /* state: the tables of fields of a measure */
  guint group;

  GPtrArray *unit;       /* the pieces of the last unit made, not taken */
  Position unit_at;      /* of its first piece */
  guint taken;           /* how many of them are taken */

  Piece *carried;        /* the piece the last page left over, and where */
  Position carried_at;
  gboolean done;
} Walk;

struct _MeasuresPages
{
  MeasuresSummary *summary;
  PangoContext *context;
  double width;
  double height;
  GPtrArray *pieces;     /* where the add_*() functions put pieces */
  GArray *starts;        /* Position of each page's first piece */
  Walk walk;
  guint walk_page;       /* the page the walk stands at */
};

static Piece *
piece_ref (Piece *piece)
{
  piece->ref_count++;

  return piece;
}

static void
piece_unref (gpointer data)
{
  Piece *piece = data;

  if (--piece->ref_count > 0)
    return;

  for (guint i = 0; i < piece->n_cells; i++)
    g_clear_object (&piece->cells[i]);
  g_free (piece->outline);
  g_free (piece);
}

static Piece *
piece_new (void)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->ref_count = 1;

  return piece;
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->blocks, g_ptr_array_unref);
  g_clear_pointer (&walk->unit, g_ptr_array_unref);
  g_clear_pointer (&walk->carried, piece_unref);
}

void
measures_pages_free (MeasuresPages *self)
{
  if (self == NULL)
    return;

  walk_clear (&self->walk);
  g_clear_pointer (&self->starts, g_array_unref);
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
  Piece *piece = piece_new ();
  double content = self->width - 2 * MARGIN;

  piece->cells[0] = make_layout (self, text, size, bold, content - x);
  piece->n_cells = 1;
  piece->x = x;
  piece->space_before = space_before;
  piece->height = layout_height (piece->cells[0]);
  g_ptr_array_add (self->pieces, piece);

  return piece;
}

static Piece *
add_heading (MeasuresPages *self,
             const char    *text,
             double         size,
             double         space_before)
{
  Piece *piece = add_text (self, text, size, TRUE, 0, space_before);

  piece->heading = TRUE;
  piece->outline = g_strdup (text);
  /* At least the first lines of what follows. */
  piece->keep = 40;

  return piece;
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
  Piece *piece = piece_new ();
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

/* Row @row of a table: 0 its header (if it has one), then its rows
 * from 1; each is a unit of the walk of its own, so that a table of a
 * hundred thousand rows is laid out a page at a time. */
static void
add_table (MeasuresPages              *self,
           const MeasuresSummaryBlock *block,
           guint                       row)
{
  static const double count_fractions[] = { 0.85, 0.15 };
  static const double contents_fractions[] = { 0.46, 0.18, 0.12, 0.24 };
  const double *fractions = block->counts ? count_fractions : contents_fractions;
  guint n = block->counts ? G_N_ELEMENTS (count_fractions) : G_N_ELEMENTS (contents_fractions);

  if (row == 0)
    {
      if (block->header != NULL)
        {
          g_return_if_fail (g_strv_length (block->header) == n);
          add_row (self, (const char * const *) block->header, fractions, n, TRUE, 4);
        }
    }
  else
    {
      const char * const *cells = g_ptr_array_index (block->rows, row - 1);

      g_return_if_fail (g_strv_length ((char **) cells) == n);
      add_row (self, cells, fractions, n, FALSE, block->counts ? 2 : 3);
    }
}

/* How many units of the walk @block is. */
static guint
block_n_units (const MeasuresSummaryBlock *block)
{
  return block->kind == MEASURES_SUMMARY_TABLE ? 1 + block->rows->len : 1;
}

static double
chart_width (MeasuresPages *self)
{
  return (self->width - 2 * MARGIN) / CHART_SCALE;
}

static double
chart_height (MeasuresPages *self,
              MeasuresChart  chart)
{
  return CHART_SCALE * measures_chart_get_height_for_style (self->summary->overview, chart, chart_width (self),
                                                            &self->summary->chart_style);
}

static double
map_height (MeasuresPages *self)
{
  return CHART_SCALE * measures_map_get_height (self->summary->coverage, self->summary->zoom, chart_width (self));
}

static void
add_chart (MeasuresPages *self,
           MeasuresChart  chart)
{
  Piece *piece = piece_new ();

  piece->is_chart = TRUE;
  piece->chart = chart;
  piece->space_before = 6;
  piece->height = chart_height (self, chart);
  g_ptr_array_add (self->pieces, piece);
}

static void
add_map (MeasuresPages *self)
{
  Piece *piece = piece_new ();

  piece->is_map = TRUE;
  piece->space_before = 6;
  piece->height = map_height (self);
  g_ptr_array_add (self->pieces, piece);
}

/* The matrix under @heading, which starts a page, drawn at the charts'
 * scale or smaller to fit the width, cut after whole rows into parts
 * that each fit on a page. */
static void
add_matrix (MeasuresPages *self,
            Piece         *heading)
{
  MeasuresCoverage *coverage = self->summary->coverage;
  double page = self->height - 2 * MARGIN - HEADER;
  double width, height, scale, room;
  guint first = 0, total = coverage->rows->len;

  measures_coverage_chart_get_size (coverage, &width, &height);
  scale = MIN (CHART_SCALE, (self->width - 2 * MARGIN) / width);
  room = page - (heading != NULL ? heading->height + 6 : 0);
  if (heading != NULL)
    heading->new_page = TRUE;

  do
    {
      Piece *piece = piece_new ();
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

/* A heading of the summary as a piece. A heading keeps the whole of a
 * chart or of the map that follows it on its page, as those do not
 * break, unless that would take more than half a page. */
static Piece *
add_heading_block (MeasuresPages              *self,
                   const MeasuresSummaryBlock *block,
                   const MeasuresSummaryBlock *next)
{
  double page = self->height - 2 * MARGIN - HEADER;
  double keep = 0;
  Piece *piece;

  if (block->level == 1)
    piece = add_heading (self, block->text, 22, 0);
  else if (block->level == 2)
    piece = add_heading (self, block->text, 13, 16);
  else if (block->level == 3)
    piece = add_heading (self, block->text, 14, 22);
  else
    return add_text (self, block->text, 11, TRUE, 0, 10);

  if (next != NULL && next->kind == MEASURES_SUMMARY_CHART)
    keep = 6 + chart_height (self, next->chart);
  else if (next != NULL && next->kind == MEASURES_SUMMARY_MAP)
    keep = 6 + map_height (self);
  if (keep > 0 && keep < page / 2)
    piece->keep = keep;

  return piece;
}

/* The pieces of one unit of the walk, each in its size and with its
 * space above, into self->pieces: block @i of @blocks, or of a table
 * its row @row. */
static void
build_pieces (MeasuresPages *self,
              Walk          *walk,
              GPtrArray     *blocks,
              guint          i,
              guint          row)
{
  const MeasuresSummaryBlock *block = g_ptr_array_index (blocks, i);
  const MeasuresSummaryBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
  guint n_field_groups = walk->n_field_groups;
  guint group = walk->group;

  switch (block->kind)
    {
    case MEASURES_SUMMARY_HEADING:
      /* The matrix's heading is one unit with the matrix, which starts
       * a page under it. */
      if (next == NULL || next->kind != MEASURES_SUMMARY_MATRIX)
        add_heading_block (self, block, next);
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
      add_table (self, block, row);
      break;

    case MEASURES_SUMMARY_CHART:
      add_chart (self, block->chart);
      break;

    case MEASURES_SUMMARY_MAP:
      add_map (self);
      break;

    case MEASURES_SUMMARY_MATRIX:
      {
        const MeasuresSummaryBlock *title = i > 0 ? g_ptr_array_index (blocks, i - 1) : NULL;

        add_matrix (self, title != NULL && title->kind == MEASURES_SUMMARY_HEADING
                    ? add_heading_block (self, title, block) : NULL);
      }
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


  walk->n_field_groups = n_field_groups;
  walk->group = group;
}

/* The walk */

/* Puts the walk at the start of @at's unit, with its state. */
static void
walk_seek (MeasuresPages  *self,
           Walk           *walk,
           const Position *at)
{
  if (walk->blocks == NULL || walk->part != at->part)
    {
      g_clear_pointer (&walk->blocks, g_ptr_array_unref);
      walk->blocks = measures_summary_dup_part (self->summary, at->part);
    }
  g_clear_pointer (&walk->unit, g_ptr_array_unref);
  g_clear_pointer (&walk->carried, piece_unref);
  walk->part = at->part;
  walk->block = at->block;
  walk->row = at->row;
  walk->n_field_groups = at->n_field_groups;
  walk->group = at->group;
  walk->done = FALSE;
}

/* Makes the next unit that has pieces; FALSE at the end of the summary. */
static gboolean
walk_make_unit (MeasuresPages *self,
                Walk          *walk)
{
  guint n_parts = measures_summary_get_n_parts (self->summary);

  g_clear_pointer (&walk->unit, g_ptr_array_unref);

  while (walk->part < n_parts)
    {
      const MeasuresSummaryBlock *block;

      if (walk->blocks == NULL)
        walk->blocks = measures_summary_dup_part (self->summary, walk->part);

      if (walk->block >= walk->blocks->len)
        {
          g_clear_pointer (&walk->blocks, g_ptr_array_unref);
          walk->part++;
          walk->block = 0;
          walk->row = 0;
          continue;
        }

      block = g_ptr_array_index (walk->blocks, walk->block);
      walk->unit_at = (Position) {
        walk->part, walk->block, walk->row, 0, walk->n_field_groups, walk->group, 0,
      };
      build_pieces (self, walk, walk->blocks, walk->block, walk->row);

      if (++walk->row >= block_n_units (block))
        {
          walk->block++;
          walk->row = 0;
        }

      if (self->pieces->len > 0)
        {
          walk->unit = g_steal_pointer (&self->pieces);
          self->pieces = g_ptr_array_new_with_free_func (piece_unref);
          walk->taken = 0;
          return TRUE;
        }
    }

  return FALSE;
}

/* The next piece (a reference), and where it comes from; %NULL at the
 * end of the summary. */
static Piece *
walk_take (MeasuresPages *self,
           Walk          *walk,
           Position      *at)
{
  Piece *piece;

  if (walk->carried != NULL)
    {
      *at = walk->carried_at;
      return g_steal_pointer (&walk->carried);
    }

  if (walk->done)
    return NULL;

  if ((walk->unit == NULL || walk->taken >= walk->unit->len) && !walk_make_unit (self, walk))
    {
      walk->done = TRUE;
      return NULL;
    }

  piece = piece_ref (g_ptr_array_index (walk->unit, walk->taken));
  *at = walk->unit_at;
  at->index = walk->taken++;

  return piece;
}

/* Puts the walk at @at itself: the piece there is carried, shown from
 * at->from. */
static void
walk_seek_piece (MeasuresPages  *self,
                 Walk           *walk,
                 const Position *at)
{
  Position found;

  walk_seek (self, walk, at);
  for (guint i = 0; i <= at->index; i++)
    {
      Piece *piece = walk_take (self, walk, &found);

      g_return_if_fail (piece != NULL);
      if (i < at->index)
        piece_unref (piece);
      else
        walk->carried = piece;
    }
  walk->carried_at = *at;
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

/* Lays out the next page from the walk: its fragments, holding the
 * pieces they show. Returns whether a page follows, whose first piece
 * the walk then carries. */
static gboolean
lay_out_page (MeasuresPages *self,
              Walk          *walk,
              GPtrArray     *fragments)
{
  double top = MARGIN + HEADER;
  double bottom = self->height - MARGIN;
  double y = top;
  Position at;
  Piece *piece;

  while ((piece = walk_take (self, walk, &at)) != NULL)
    {
      g_autoptr(GArray) breaks = line_breaks (piece);
      double from = at.from;

      if (piece->new_page && y > top)
        {
          walk->carried = piece;
          walk->carried_at = at;
          return TRUE;
        }

      if (y > top)
        y += piece->space_before;

      /* A heading keeps at least its next piece's first lines with it,
       * and the whole of a chart or the map. */
      if (piece->heading && y > top && y + piece->height + piece->keep > bottom)
        {
          walk->carried = piece;
          walk->carried_at = at;
          return TRUE;
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
            break;

          fragment = g_new0 (Fragment, 1);
          fragment->piece = piece_ref (piece);
          fragment->y = y;
          fragment->from = from;
          fragment->to = to;
          g_ptr_array_add (fragments, fragment);

          y += to - from;
          from = to;

          if (from < piece->height)
            break;
        }

      if (from < piece->height)
        {
          walk->carried = piece;
          walk->carried_at = at;
          walk->carried_at.from = from;
          return TRUE;
        }
      piece_unref (piece);
    }

  return FALSE;
}

static void
fragment_free (gpointer data)
{
  Fragment *fragment = data;

  piece_unref (fragment->piece);
  g_free (fragment);
}

/* Lays out every page once, without drawing, and notes where each
 * starts; FALSE when cancelled. */
static gboolean
measure_pages (MeasuresPages         *self,
               MeasuresPagesProgress  progress,
               gpointer               user_data,
               GCancellable          *cancellable)
{
  Position first = { 0 };
  guint n_parts = measures_summary_get_n_parts (self->summary);
  guint told = 0;
  gboolean more;

  walk_seek (self, &self->walk, &first);
  g_array_append_val (self->starts, first);

  do
    {
      g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (fragment_free);

      more = lay_out_page (self, &self->walk, fragments);
      if (more)
        g_array_append_val (self->starts, self->walk.carried_at);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      /* Told about a hundred times, at the start of a measure. */
      if (progress != NULL && self->walk.part * 100 / n_parts > told)
        {
          told = self->walk.part * 100 / n_parts;
          progress (self->starts->len, 0, (double) self->walk.part / n_parts, user_data);
        }
    }
  while (more);

  walk_clear (&self->walk);
  self->walk_page = G_MAXUINT;

  return TRUE;
}

static MeasuresPages *
pages_new (MeasuresSummary       *summary,
           PangoContext          *context,
           double                 width,
           double                 height,
           MeasuresPagesProgress  progress,
           gpointer               user_data,
           GCancellable          *cancellable)
{
  MeasuresPages *self = g_new0 (MeasuresPages, 1);

  self->summary = summary;
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->pieces = g_ptr_array_new_with_free_func (piece_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (Position));

  if (!measure_pages (self, progress, user_data, cancellable))
    {
      measures_pages_free (self);
      return NULL;
    }

  return self;
}

/**
 * measures_pages_new:
 * @summary: the summary to lay out; it must outlive the pages
 * @context: (transfer none): the Pango context of the surface drawn on
 * @width: the page width, in the units of the surface (points for PDF)
 * @height: the page height
 *
 * Lays every page out once, to count them and note where each starts;
 * nothing of it is kept but those places.
 *
 * Returns: (transfer full): the summary cut into pages
 */
MeasuresPages *
measures_pages_new (MeasuresSummary *summary,
                    PangoContext    *context,
                    double           width,
                    double           height)
{
  return pages_new (summary, context, width, height, NULL, NULL, NULL);
}

guint
measures_pages_get_n_pages (MeasuresPages *self)
{
  return self->starts->len;
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

  number = measures_summary_dup_page_label (self->summary, page + 1, self->starts->len);
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
 * Draws one page, laid out anew: from the page before when that was the
 * last drawn, else from where the page starts. On a PDF surface its
 * headings go into the outline.
 */
void
measures_pages_draw (MeasuresPages *self,
                     cairo_t       *cr,
                     guint          page)
{
  g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (fragment_free);
  cairo_surface_t *target = cairo_get_target (cr);
  gboolean pdf = cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF;

  g_return_if_fail (page < self->starts->len);

  if (page != self->walk_page)
    walk_seek_piece (self, &self->walk, &g_array_index (self->starts, Position, page));
  lay_out_page (self, &self->walk, fragments);
  self->walk_page = page + 1;

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

typedef struct
{
  GOutputStream *out;
  GCancellable *cancellable;
  GError *error;
} PdfOutput;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfOutput *output = closure;

  if (output->error != NULL ||
      !g_output_stream_write_all (output->out, data, length, NULL, output->cancellable, &output->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * measures_pages_write_pdf_to_stream:
 * @summary: the summary
 * @out: where to write the PDF document
 * @progress: (nullable) (scope call): called as the pages are laid out,
 *   and after each page is drawn
 * @user_data: for @progress
 * @cancellable: (nullable): stops between pages
 * @error: return location for an error
 *
 * Draws the summary on PDF pages with Pango and Cairo; needs no display.
 * The pages are laid out once to be counted, then drawn one at a time,
 * each written to @out as it is drawn: what is held does not grow with
 * the number of pages, but for the places where they start.
 *
 * Returns: whether the document was written
 */
gboolean
measures_pages_write_pdf_to_stream (MeasuresSummary        *summary,
                                    GOutputStream          *out,
                                    MeasuresPagesProgress   progress,
                                    gpointer                user_data,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  /* Cairo writes a few bytes at a time. */
  g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, 256 * 1024);
  PdfOutput output = { buffered, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  MeasuresPages *pages;
  double width, height;
  cairo_status_t status;
  guint n_pages;

  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  paper_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (pdf_write, &output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, summary->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, summary->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary->subtitle);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Measures " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pages = pages_new (summary, context, width, height, progress, user_data, cancellable);
  g_object_unref (context);

  n_pages = pages != NULL ? measures_pages_get_n_pages (pages) : 0;
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_cancellable_is_cancelled (cancellable) || output.error != NULL)
        break;
      measures_pages_draw (pages, cr, i);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (i + 1, n_pages, 1, user_data);
    }

  measures_pages_free (pages);
  cairo_destroy (cr);
  if (!g_cancellable_is_cancelled (cancellable))
    cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&output.error);
      return FALSE;
    }

  if (output.error == NULL && status == CAIRO_STATUS_SUCCESS)
    g_output_stream_flush (buffered, cancellable, &output.error);
  if (output.error != NULL)
    {
      g_propagate_error (error, output.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_pages_write_pdf:
 * @summary: the summary
 * @progress: (nullable) (scope call): as for
 *   measures_pages_write_pdf_to_stream()
 * @user_data: for @progress
 * @cancellable: (nullable): stops between pages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the PDF document, in memory
 */
GBytes *
measures_pages_write_pdf (MeasuresSummary       *summary,
                          MeasuresPagesProgress  progress,
                          gpointer               user_data,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (!measures_pages_write_pdf_to_stream (summary, memory, progress, user_data, cancellable, error))
    return NULL;
  g_output_stream_close (memory, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}
