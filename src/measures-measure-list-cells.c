/* measures-measure-list-cells.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-measure-list"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-accessible.h"
#include "measures-localized.h"
#include "measures-measure-list-private.h"
#include "measures-result-model.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* The cells of the list: each column's list item factory makes an
 * inscription for a cell and shows in it what its row's measure has,
 * again whenever the row is given another measure. */

/* A value cut short in the list is given whole in its tooltip. The text
 * is asked for only when the pointer rests on the cell: setting a tooltip
 * as each row is bound asks the display where the pointer is, which made
 * scrolling through many rows slow. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL)
    return FALSE;

  /* Cut short: the text is wider than the cell. */
  layout = gtk_widget_create_pango_layout (cell, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (cell))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* An inscription rather than a label: its size comes from a number of
 * characters, not from its text, so a row bound to another measure is not
 * measured again (a label shapes its whole text to learn its width). */
static GtkWidget *
cell_label (GtkListItem *item,
            int          min_chars,
            int          nat_chars)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), nat_chars);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);

  return label;
}

void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cell_label (item, 10, 10);
}

void
setup_years_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 9, 9);

  gtk_widget_add_css_class (label, "numeric");
}

void
setup_title_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 18, 60);

  gtk_widget_add_css_class (label, "measure-title");
}

/* The widgets that stand for a cell and for its row to screen readers,
 * looked up once while the cell is bound: a cell stays in its row. */
static GQuark cell_quark;
static GQuark row_quark;

static GtkAccessible *
cell_ancestor (GtkListItem       *item,
               GtkAccessibleRole  role)
{
  GQuark quark;
  GtkWidget *ancestor;

  if (cell_quark == 0)
    {
      cell_quark = g_quark_from_static_string ("measures-cell-accessible");
      row_quark = g_quark_from_static_string ("measures-row-accessible");
    }
  quark = role == GTK_ACCESSIBLE_ROLE_ROW ? row_quark : cell_quark;
  ancestor = g_object_get_qdata (G_OBJECT (item), quark);

  if (ancestor == NULL)
    {
      ancestor = measures_accessible_find_ancestor (gtk_list_item_get_child (item), role);
      g_object_set_qdata (G_OBJECT (item), quark, ancestor);
    }

  return ancestor != NULL ? GTK_ACCESSIBLE (ancestor) : NULL;
}

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  GtkAccessible *accessible;

  /* Rows given other measures often show the same country or type. */
  if (text != NULL && g_strcmp0 (gtk_inscription_get_text (cell), text) == 0)
    return;

  gtk_inscription_set_text (cell, text);
  /* The cell reads as its text, not as its type. */
  accessible = cell_ancestor (item, GTK_ACCESSIBLE_ROLE_GRID_CELL);
  if (accessible != NULL)
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    /* Translators: read by screen readers for an empty cell of the list */
                                    text != NULL && *text != '\0' ? text : C_("cell", "None"),
                                    -1);
}

/* Counts the refreshes, after which the same measure reads otherwise. */
static guint texts_generation;

/* The labels of the values of each facet, made once: a row given a
 * measure labels its country, types and forms, and rows follow each
 * key typed. Only the main thread labels rows. */
static const char *
value_label (MeasuresFacet  facet,
             const char    *value)
{
  static GHashTable *labels[MEASURES_N_FACETS];
  static guint generation;
  const char *label;

  if (value == NULL)
    return NULL;

  if (generation != texts_generation)
    {
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_clear_pointer (&labels[i], g_hash_table_unref);
      generation = texts_generation;
    }
  if (labels[facet] == NULL)
    labels[facet] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  label = g_hash_table_lookup (labels[facet], value);
  if (label == NULL)
    {
      char *made = measures_vocabulary_label (facet, value);

      g_hash_table_insert (labels[facet], g_strdup (value), made);
      label = made;
    }

  return label;
}

static char *
joined_labels (MeasuresFacet       facet,
               const char * const *values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, value_label (facet, values[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a row shows, made once for each measure it is given: the cells
 * of a row are told of a new measure one by one, and the row's name,
 * which the title's cell gives, reads every column. */
typedef struct
{
  MeasuresMeasure *measure;
  guint generation;
  char *title;                 /* free text: directional controls shown by their names */
  char *country;
  char *years;
  char *types;
  char *forms;
  char *name;                  /* "Title, Country, Years, Type, Form" */
} RowTexts;

static void
row_texts_clear (RowTexts *texts)
{
  g_clear_object (&texts->measure);
  g_clear_pointer (&texts->title, g_free);
  g_clear_pointer (&texts->country, g_free);
  g_clear_pointer (&texts->years, g_free);
  g_clear_pointer (&texts->types, g_free);
  g_clear_pointer (&texts->forms, g_free);
  g_clear_pointer (&texts->name, g_free);
}

static void
row_texts_free (gpointer data)
{
  row_texts_clear (data);
  g_free (data);
}

/* Free text of a record: directional controls are shown by their names. */
static char *
shown_free_text (const char *text)
{
  char *shown;

  if (text == NULL)
    return NULL;
  shown = measures_text_show_bidi_controls (text);

  return shown != NULL ? shown : g_strdup (text);
}

/* The texts of the row @item is in, for the measure at its place, which
 * changes as the results do (see MeasuresResultModel); %NULL for a row
 * about to go. */
static const RowTexts *
row_texts (GtkListItem *item)
{
  static GQuark quark;
  GObject *row = gtk_list_item_get_item (item);
  MeasuresMeasure *measure = measures_result_row_get_measure (MEASURES_RESULT_ROW (row));
  RowTexts *texts;
  g_auto(GStrv) langs = NULL;

  if (measure == NULL)
    return NULL;

  if (quark == 0)
    quark = g_quark_from_static_string ("measures-row-texts");
  texts = g_object_get_qdata (row, quark);
  if (texts == NULL)
    {
      texts = g_new0 (RowTexts, 1);
      g_object_set_qdata_full (row, quark, texts, row_texts_free);
    }
  if (texts->measure == measure && texts->generation == texts_generation)
    return texts;

  row_texts_clear (texts);
  texts->measure = g_object_ref (measure);
  texts->generation = texts_generation;
  langs = measures_get_content_languages ();
  texts->title = shown_free_text (measures_measure_resolve_title (measure, (const char * const *) langs));
  {
    g_autofree char *types = joined_labels (MEASURES_FACET_TYPE, measures_measure_get_types (measure));
    g_autofree char *forms = joined_labels (MEASURES_FACET_FORM, measures_measure_get_forms (measure));

    texts->country = shown_free_text (value_label (MEASURES_FACET_COUNTRY, measures_measure_get_country (measure)));
    texts->types = shown_free_text (types);
    texts->forms = shown_free_text (forms);
  }
  texts->years = measures_measure_dup_years_label (measure);
  texts->name = g_strjoin (", ", texts->title, texts->country, texts->years,
                           texts->types, texts->forms, NULL);

  return texts;
}

static void
show_title (GtkListItem *item)
{
  const RowTexts *texts = row_texts (item);
  GtkAccessible *accessible;

  if (texts == NULL)
    return;

  set_cell_text (item, texts->title);
  /* The row, as a screen reader reads it when it has the focus: the
   * cells in the order of the columns, even those a narrow window hides. */
  accessible = cell_ancestor (item, GTK_ACCESSIBLE_ROLE_ROW);
  if (accessible != NULL)
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, texts->name, -1);
}

static void
show_country (GtkListItem *item)
{
  const RowTexts *texts = row_texts (item);

  if (texts != NULL)
    set_cell_text (item, texts->country);
}

static void
show_years (GtkListItem *item)
{
  const RowTexts *texts = row_texts (item);

  if (texts != NULL)
    set_cell_text (item, texts->years);
}

static void
show_types (GtkListItem *item)
{
  const RowTexts *texts = row_texts (item);

  if (texts != NULL)
    set_cell_text (item, texts->types);
}

static void
show_forms (GtkListItem *item)
{
  const RowTexts *texts = row_texts (item);

  if (texts != NULL)
    set_cell_text (item, texts->forms);
}

/* Shows the row's measure, and shows it again whenever the row is given
 * another: the row keeps its widgets as the results change. */
static void
follow_row (GtkListItem *item,
            void (*show)(GtkListItem *item))
{
  gulong handler = g_signal_connect_swapped (gtk_list_item_get_item (item), "notify::measure",
                                             G_CALLBACK (show), item);

  g_object_set_data (G_OBJECT (item), "measures-row-handler", GSIZE_TO_POINTER (handler));
  show (item);
}

void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "measures-row-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  /* Bound again, the cell may be in another row. */
  if (cell_quark != 0)
    {
      g_object_set_qdata (G_OBJECT (item), cell_quark, NULL);
      g_object_set_qdata (G_OBJECT (item), row_quark, NULL);
    }
}

void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  follow_row (item, show_title);
}

void
bind_country_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  follow_row (item, show_country);
}

void
bind_years_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  follow_row (item, show_years);
}

void
bind_type_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  follow_row (item, show_types);
}

void
bind_form_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  follow_row (item, show_forms);
}

/**
 * _measures_measure_list_cells_refresh:
 *
 * Makes the rows' texts and the values' labels again when next shown,
 * for a new content language or a new list: the same measure may then
 * read otherwise.
 */
void
_measures_measure_list_cells_refresh (void)
{
  texts_generation++;
}
