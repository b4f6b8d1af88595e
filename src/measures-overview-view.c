/* measures-overview-view.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-overview-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "measures-overview-view.h"
#include "measures-table-layout.h"
#include "measures-text.h"

/* The charts of the matching measures, drawn by the core's chart code
 * in drawing areas that follow the light or dark style. Pointing at a
 * bar shows its figures; clicking it filters by its year, form or type,
 * and clicking a period shows its measure.
 *
 * Each chart has its text alternative under it: an expander with the
 * same figures as a list of rows, which the keyboard reaches and a
 * screen reader reads, and whose rows act as the bars do. The tables are
 * only filled while they are open. */

typedef struct
{
  MeasuresOverviewView *view;
  MeasuresChart chart;
  GtkWidget *area;
  GtkWidget *filter_box;          /* what a click filtered to, and undoing it */
  GtkLabel *filter_label;
  GtkExpander *expander;
  GtkWidget *table_scroller;
  GtkListBox *table;
  MeasuresTextCache *text_cache;  /* the chart's labels, between draws */
} Section;

struct _MeasuresOverviewView
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *scroller;  /* the only child: bound so that
                                 * gtk_widget_dispose_template() unparents it */
  GtkBox *charts_box;
  GtkLabel *summary_label;

  /* Owned references */
  MeasuresQuery *query;
  MeasuresIndex *index;
  MeasuresOverview *overview;
  MeasuresBitset *matches;    /* those the overview was computed from */

  /* State */
  guint describe_source;
  Section sections[MEASURES_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (MeasuresOverviewView, measures_overview_view, GTK_TYPE_WIDGET)

enum {
  MEASURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  Section *section = user_data;
  MeasuresOverview *overview = section->view->overview;
  MeasuresChartStyle style = { is_dark (), 0, NULL, section->text_cache };

  if (overview == NULL)
    return;

  measures_chart_draw (overview, section->chart, cr, gtk_widget_get_pango_context (GTK_WIDGET (area)),
                       width, height, &style);
}

static gboolean
query_tooltip_cb (GtkWidget  *area,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  Section    *section)
{
  MeasuresOverview *overview = section->view->overview;
  g_autofree char *text = NULL;
  MeasuresChartHit hit;

  if (overview == NULL || keyboard ||
      !measures_chart_hit (overview, section->chart, gtk_widget_get_width (area), x, y, &hit))
    return FALSE;

  text = measures_chart_describe_hit (overview, &hit);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip for the next bar, not the same one moved. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (hit.x), (int) floor (hit.y),
                                                       (int) ceil (hit.width), (int) ceil (hit.height) });

  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           Section                  *section)
{
  MeasuresOverview *overview = section->view->overview;
  MeasuresChartHit hit;
  gboolean over = overview != NULL &&
                  measures_chart_hit (overview, section->chart, gtk_widget_get_width (section->area), x, y, &hit);

  gtk_widget_set_cursor_from_name (section->area, over ? "pointer" : NULL);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             Section         *section)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  measures_overview_view_activate_at (section->view, section->chart, x, y);
}

/* Tables
 *
 * A list of rows, one a bar, each a box of labels that a table layout
 * lays out in columns as wide in every row. Numbers sit at the right of
 * their column under a heading set at the right, and never wrap; words
 * sit at the left and wrap. The widest column of words takes the room
 * left. A table wider than the chart scrolls sideways inside its own
 * scroller, so that it never widens the window. */

/* Whether every cell of column @c below the heading is a number, as
 * measures_text_format_count() writes them in any locale. */
static gboolean
is_numeric_column (GPtrArray *table,
                   guint      c)
{
  for (guint r = 1; r < table->len; r++)
    {
      const char *cell = ((GStrv) g_ptr_array_index (table, r))[c];

      if (*cell == '\0')
        return FALSE;
      for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (!g_unichar_isdigit (ch) && ch != ',' && ch != '.' && ch != '\'' && !g_unichar_isspace (ch))
            return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  gboolean numeric;
  gboolean expand;
} Column;

static GtkWidget *
table_row (GStrv         cells,
           GStrv         head,
           const Column *columns,
           guint         n_columns,
           guint         expand,
           gboolean      is_head)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GString) spoken = g_string_new (NULL);

  gtk_widget_set_layout_manager (box, measures_table_layout_new (12, expand));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);
      const Column *column = &columns[i];

      /* Record text, set as text. */
      gtk_label_set_text (GTK_LABEL (label), cells[i]);
      gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
      gtk_label_set_yalign (GTK_LABEL (label), is_head ? 1 : 0.5);
      if (column->numeric && !is_head)
        gtk_widget_add_css_class (label, "numeric");
      else
        {
          /* Headings of numbers wrap to a few words; words to more. */
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
          gtk_label_set_max_width_chars (GTK_LABEL (label), column->numeric ? 12 : 40);
          gtk_label_set_justify (GTK_LABEL (label), column->numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
        }
      gtk_widget_set_hexpand (label, column->expand);
      if (is_head)
        gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);

      if (!is_head)
        g_string_append_printf (spoken, "%s%s%s%s", i > 0 ? ", " : "",
                                i > 0 && head[i] != NULL ? head[i] : "", i > 0 ? ": " : "", cells[i]);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (is_head)
    {
      g_autofree char *titles = g_strjoinv (", ", cells);
      g_autofree char *name = NULL;

      /* A Tab stop, so that Tab from the expander goes into the table
       * (GTK 4.8's list box gives up on a first row that cannot take
       * the focus): it reads the columns. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "chart-table-head");
      name = g_strdup_printf (_("Columns: %s"), titles);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);

  return row;
}

static void
fill_table (Section *section)
{
  MeasuresOverview *overview = section->view->overview;
  g_autoptr(GPtrArray) table = NULL;
  g_autofree Column *columns = NULL;
  GStrv head;
  guint n_columns, widest = G_MAXUINT;
  gsize widest_length = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (section->table))) != NULL)
    gtk_list_box_remove (section->table, child);

  if (overview == NULL || !gtk_expander_get_expanded (section->expander))
    return;

  table = measures_chart_get_table (overview, section->chart, NULL);
  head = g_ptr_array_index (table, 0);
  n_columns = g_strv_length (head);
  columns = g_new0 (Column, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      /* The first column names the row (a year, a form, a country). */
      columns[c].numeric = c > 0 && table->len > 1 && is_numeric_column (table, c);
      if (!columns[c].numeric)
        {
          gsize length = 0;

          for (guint r = 0; r < table->len; r++)
            length += strlen (((GStrv) g_ptr_array_index (table, r))[c]);
          if (widest == G_MAXUINT || length > widest_length)
            {
              widest = c;
              widest_length = length;
            }
        }
    }
  if (widest != G_MAXUINT)
    columns[widest].expand = TRUE;

  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = g_ptr_array_index (table, r);

      /* A row short of cells would put its values under other headings. */
      g_return_if_fail (g_strv_length (cells) == n_columns);
      gtk_list_box_append (section->table, table_row (cells, head, columns, n_columns, widest, r == 0));
    }
}

static void
expanded_cb (GtkExpander *expander,
             GParamSpec  *pspec,
             Section     *section)
{
  fill_table (section);
}

static void
row_activated_cb (GtkListBox    *box,
                  GtkListBoxRow *row,
                  Section       *section)
{
  MeasuresOverview *overview = section->view->overview;
  /* The first row is the heading; row n + 1 is thing n of the chart. */
  guint index = gtk_list_box_row_get_index (row) - 1;
  static const MeasuresChartHitKind kinds[] = {
    MEASURES_CHART_HIT_YEAR, MEASURES_CHART_HIT_COUNT, MEASURES_CHART_HIT_COUNT, MEASURES_CHART_HIT_TIMELINE,
  };
  MeasuresChartHit hit;

  if (overview == NULL ||
      !measures_chart_locate (overview, section->chart, MEASURES_CHART_IMAGE_WIDTH, kinds[section->chart], index, &hit))
    return;

  measures_overview_view_activate (section->view, &hit);
}

static void
show_all_cb (GtkButton *button,
             Section   *section)
{
  MeasuresQuery *query = section->view->query;

  if (query == NULL)
    return;

  if (section->chart == MEASURES_CHART_YEARS)
    measures_query_set_years (query, MEASURES_YEAR_NONE, MEASURES_YEAR_NONE);
  else
    measures_query_set_values (query, section->chart == MEASURES_CHART_FORMS ? MEASURES_FACET_FORM
                                                                             : MEASURES_FACET_TYPE, NULL);
}

/* The values chosen in @facet, as the interface names them. */
static char *
chosen_labels (MeasuresQuery *query,
               MeasuresFacet  facet)
{
  const char * const *chosen = measures_query_get_chosen (query, facet);
  GString *out = g_string_new (NULL);

  for (guint k = 0; chosen[k] != NULL; k++)
    {
      g_autofree char *label = measures_vocabulary_label (facet, chosen[k]);

      g_string_append_printf (out, "%s%s", k > 0 ? _(" or ") : "", label);
    }

  return g_string_free (out, FALSE);
}

/* Says, under the heading of each chart, what the filters chose among
 * its bars: the chart shows that in full and the rest faded. */
static void
update_filter_captions (MeasuresOverviewView *self)
{
  for (MeasuresChart chart = MEASURES_CHART_YEARS; chart <= MEASURES_CHART_TYPES; chart++)
    {
      Section *section = &self->sections[chart];
      g_autofree char *chosen = NULL;
      g_autofree char *caption = NULL;

      if (self->query != NULL && chart == MEASURES_CHART_YEARS && measures_query_has_years (self->query))
        {
          int from, to;

          measures_query_get_years (self->query, &from, &to);
          if (from != MEASURES_YEAR_NONE)
            chosen = measures_format_period (from, to);
          else
            chosen = g_strdup_printf (_("until %d"), to);
          /* Translators: under the heading of the chart per year after a
           * click on a bar; %s is a year or a range of years */
          caption = g_strdup_printf (_("Filter: %s. The faded years show when the same measures were in "
                                       "force too."), chosen);
        }
      else if (self->query != NULL && chart != MEASURES_CHART_YEARS)
        {
          MeasuresFacet facet = chart == MEASURES_CHART_FORMS ? MEASURES_FACET_FORM : MEASURES_FACET_TYPE;

          chosen = chosen_labels (self->query, facet);
          if (*chosen != '\0' && chart == MEASURES_CHART_FORMS)
            /* Translators: under the heading of the chart of forms after a
             * click on a bar; %s names the forms of violence chosen */
            caption = g_strdup_printf (_("Filter: %s. The faded bars show the other forms of violence of the "
                                         "same measures."), chosen);
          else if (*chosen != '\0')
            /* Translators: under the heading of the chart of types after a
             * click on a bar; %s names the types of measure chosen */
            caption = g_strdup_printf (_("Filter: %s. The faded bars show the other types of the same "
                                         "measures."), chosen);
        }

      gtk_widget_set_visible (section->filter_box, caption != NULL);
      if (caption != NULL)
        gtk_label_set_text (section->filter_label, caption);
    }
}

static void
build_section (MeasuresOverviewView *self,
               MeasuresChart         chart)
{
  Section *section = &self->sections[chart];
  g_autofree char *css = g_strdup_printf ("chart-%s", measures_chart_get_name (chart));
  const char *title = measures_chart_get_title (chart, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "label", title,
                                     NULL);
  GtkWidget *save = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  g_autofree char *export_name = NULL;
  g_autofree char *table_name = NULL;
  GtkEventController *motion;
  GtkGesture *click;
  GtkWidget *viewport;
  GtkWidget *frame;

  section->view = self;
  section->chart = chart;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (heading_box), heading);

  gtk_widget_set_tooltip_text (save, _("Export Chart…"));
  gtk_widget_add_css_class (save, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "win.export-chart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "s", measures_chart_get_name (chart));
  /* Translators: the name screen readers give the button that exports
   * a chart; %s is the chart's title */
  export_name = g_strdup_printf (_("Export the Chart “%s”…"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, export_name, -1);
  gtk_box_append (GTK_BOX (heading_box), save);
  gtk_box_append (GTK_BOX (box), heading_box);

  /* What the filters chose among this chart's bars, which the chart
   * shows in full and the rest faded, and the way back. */
  if (chart != MEASURES_CHART_TIMELINE)
    {
      static const char *show_all[] = {
        N_("Show All _Years"), N_("Show All _Forms"), N_("Show All _Types"),
      };
      GtkWidget *clear = gtk_button_new_with_mnemonic (_(show_all[chart]));

      section->filter_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      section->filter_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (section->filter_label, 0);
      gtk_label_set_wrap (section->filter_label, TRUE);
      gtk_widget_set_hexpand (GTK_WIDGET (section->filter_label), TRUE);
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (clear, "pill");
      g_signal_connect (clear, "clicked", G_CALLBACK (show_all_cb), section);
      gtk_box_append (GTK_BOX (section->filter_box), GTK_WIDGET (section->filter_label));
      gtk_box_append (GTK_BOX (section->filter_box), clear);
      gtk_widget_set_visible (section->filter_box, FALSE);
      gtk_box_append (GTK_BOX (box), section->filter_box);
    }

  section->text_cache = measures_text_cache_new ();
  section->area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                "has-tooltip", TRUE,
                                NULL);
  gtk_widget_add_css_class (section->area, "chart");
  gtk_widget_add_css_class (section->area, css);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (section->area), draw_chart, section, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->area), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect (section->area, "query-tooltip", G_CALLBACK (query_tooltip_cb), section);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), section);
  gtk_widget_add_controller (section->area, motion);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (released_cb), section);
  gtk_widget_add_controller (section->area, GTK_EVENT_CONTROLLER (click));
  /* The view's background is the chart's, so the frame and the chart
   * read as one card in light and dark. */
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "chart-frame");
  gtk_box_append (GTK_BOX (frame), section->area);
  gtk_box_append (GTK_BOX (box), frame);

  /* Translators: an expander under each chart with its figures as a table */
  section->expander = GTK_EXPANDER (gtk_expander_new_with_mnemonic (_("Show as _Table")));
  /* Translators: the name screen readers give the expander under a
   * chart; %s is the chart's title */
  table_name = g_strdup_printf (_("Show “%s” as a Table"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  table_name, -1);
  section->table = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (section->table, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (section->table), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (section->table), "chart-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->table), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* As tall as its rows, and as wide as the chart: sideways, it
   * scrolls rather than widen the window. */
  section->table_scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                          "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                                          "vscrollbar-policy", GTK_POLICY_NEVER,
                                          "propagate-natural-height", TRUE,
                                          /* A scrollbar, not an overlay: columns are cut off. */
                                          "overlay-scrolling", FALSE,
                                          "margin-top", 8,
                                          NULL);
  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), GTK_WIDGET (section->table));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (section->table_scroller), viewport);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->table_scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_expander_set_child (section->expander, section->table_scroller);
  g_signal_connect (section->expander, "notify::expanded", G_CALLBACK (expanded_cb), section);
  g_signal_connect (section->table, "row-activated", G_CALLBACK (row_activated_cb), section);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (section->expander));

  gtk_box_append (self->charts_box, box);
}

static void
dark_changed_cb (MeasuresOverviewView *self)
{
  for (guint i = 0; i < MEASURES_N_CHARTS; i++)
    gtk_widget_queue_draw (self->sections[i].area);
}

static void
measures_overview_view_dispose (GObject *object)
{
  MeasuresOverviewView *self = (MeasuresOverviewView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_OVERVIEW_VIEW);
  g_clear_handle_id (&self->describe_source, g_source_remove);
  for (guint i = 0; i < MEASURES_N_CHARTS; i++)
    g_clear_pointer (&self->sections[i].text_cache, measures_text_cache_free);
  g_clear_pointer (&self->overview, measures_overview_free);
  g_clear_pointer (&self->matches, measures_bitset_free);
  g_clear_object (&self->index);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (measures_overview_view_parent_class)->dispose (object);
}

static void
measures_overview_view_class_init (MeasuresOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_overview_view_dispose;

  /**
   * MeasuresOverviewView::measure-activated:
   * @measure: the measure of the period clicked
   *
   * A period of the timeline was clicked, or its row activated.
   */
  signals[MEASURE_ACTIVATED] =
    g_signal_new ("measure-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MEASURES_TYPE_MEASURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresOverviewView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOverviewView, summary_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOverviewView, scroller);
  gtk_widget_class_set_css_name (widget_class, "overview");
}

static void
measures_overview_view_init (MeasuresOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < MEASURES_N_CHARTS; i++)
    build_section (self, i);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * measures_overview_view_set_query:
 * @self: an overview
 * @query: the query that clicking a bar changes
 */
void
measures_overview_view_set_query (MeasuresOverviewView *self,
                                  MeasuresQuery        *query)
{
  g_return_if_fail (MEASURES_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (MEASURES_IS_QUERY (query));

  g_set_object (&self->query, query);
}

static gboolean
describe_cb (gpointer data)
{
  MeasuresOverviewView *self = data;

  self->describe_source = 0;

  for (guint i = 0; i < MEASURES_N_CHARTS; i++)
    {
      g_autofree char *description = self->overview != NULL ? measures_chart_describe (self->overview, i, NULL)
                                                             : NULL;

      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->sections[i].area),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->sections[i].area),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  return G_SOURCE_REMOVE;
}

/**
 * measures_overview_view_invalidate:
 * @self: an overview
 *
 * Makes the next measures_overview_view_update() compute the figures
 * even for the same measures, after their labels changed.
 */
void
measures_overview_view_invalidate (MeasuresOverviewView *self)
{
  g_return_if_fail (MEASURES_IS_OVERVIEW_VIEW (self));

  g_clear_pointer (&self->matches, measures_bitset_free);
}

/**
 * measures_overview_view_update:
 * @self: an overview
 * @index: the index of all measures
 * @matches: (nullable): the measures that match
 *
 * Computes the figures again from the same index and bitsets as the
 * sidebar's counts, and redraws. The same measures as the last time
 * change nothing: typing on in a word that matches the same measures
 * costs no frame.
 */
void
measures_overview_view_update (MeasuresOverviewView *self,
                               MeasuresIndex        *index,
                               const MeasuresBitset *matches)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *summary = NULL;
  g_autofree char *count = NULL;
  guint n;

  g_return_if_fail (MEASURES_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (MEASURES_IS_INDEX (index));

  update_filter_captions (self);

  if (index == self->index && matches != NULL && self->matches != NULL &&
      measures_bitset_equal (matches, self->matches))
    {
      /* The same measures, maybe chosen otherwise. */
      if (self->overview != NULL && self->query != NULL)
        measures_overview_mark_chosen (self->overview, index, self->query);
      for (guint i = 0; i < MEASURES_N_CHARTS; i++)
        gtk_widget_queue_draw (self->sections[i].area);
      return;
    }

  /* The overview borrows its labels from the index: drop it first. */
  g_clear_pointer (&self->overview, measures_overview_free);
  g_clear_pointer (&self->matches, measures_bitset_free);
  g_set_object (&self->index, index);
  if (matches != NULL)
    self->matches = measures_bitset_copy (matches);

  if (matches != NULL)
    self->overview = measures_overview_new (index, matches, g_date_time_get_year (now));
  if (self->overview != NULL && self->query != NULL)
    measures_overview_mark_chosen (self->overview, index, self->query);

  n = matches != NULL ? measures_bitset_count (matches) : 0;
  count = measures_text_format_count (n);
  /* Translators: above the charts; %s is a number, with the locale's
   * digit grouping */
  summary = g_strdup_printf (ngettext ("The figures of the %s measure that matches. Point at a bar for its "
                                       "figures; click it to filter by it, or click a period to show its measure.",
                                       "The figures of the %s measures that match. Point at a bar for its "
                                       "figures; click it to filter by it, or click a period to show its measure.",
                                       n),
                             count);
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < MEASURES_N_CHARTS; i++)
    {
      Section *section = &self->sections[i];
      double height = 0;

      if (self->overview != NULL)
        height = measures_chart_get_height (self->overview, i, MEASURES_CHART_IMAGE_WIDTH);

      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (section->area), (int) ceil (height));
      gtk_widget_queue_draw (section->area);
      fill_table (section);
    }

  /* Screen readers get the new figures once the charts are on screen. */
  if (self->describe_source == 0)
    self->describe_source = g_idle_add_full (G_PRIORITY_LOW, describe_cb, self, NULL);
}

/**
 * measures_overview_view_get_overview:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
MeasuresOverview *
measures_overview_view_get_overview (MeasuresOverviewView *self)
{
  g_return_val_if_fail (MEASURES_IS_OVERVIEW_VIEW (self), NULL);

  return self->overview;
}

/**
 * measures_overview_view_get_chart:
 *
 * Returns: (transfer none): the drawing area of @chart
 */
GtkWidget *
measures_overview_view_get_chart (MeasuresOverviewView *self,
                                  MeasuresChart         chart)
{
  g_return_val_if_fail (MEASURES_IS_OVERVIEW_VIEW (self), NULL);
  g_return_val_if_fail (chart < MEASURES_N_CHARTS, NULL);

  return self->sections[chart].area;
}

/**
 * measures_overview_view_get_table:
 *
 * Returns: (transfer none): the expander with the table of @chart
 */
GtkWidget *
measures_overview_view_get_table (MeasuresOverviewView *self,
                                  MeasuresChart         chart)
{
  g_return_val_if_fail (MEASURES_IS_OVERVIEW_VIEW (self), NULL);
  g_return_val_if_fail (chart < MEASURES_N_CHARTS, NULL);

  return GTK_WIDGET (self->sections[chart].expander);
}

/* Filters by @value alone, or, when it is already chosen alone, shows
 * all again: a second click on a bar undoes the first. */
static void
choose_alone (MeasuresOverviewView *self,
              MeasuresFacet         facet,
              guint                 value)
{
  const char * const *chosen = measures_query_get_chosen (self->query, facet);
  const char *values[] = { measures_index_get_value (self->index, facet, value), NULL };

  if (chosen[0] != NULL && chosen[1] == NULL &&
      measures_index_find_value (self->index, facet, chosen[0]) == (int) value)
    measures_query_set_values (self->query, facet, NULL);
  else
    measures_query_set_values (self->query, facet, values);
}

/**
 * measures_overview_view_activate:
 * @self: an overview
 * @hit: a thing of a chart
 *
 * Does what clicking @hit does: a year filters by that year, a form or
 * type by that value, a key of the legend by that category (and each,
 * when it is already the only one chosen, shows all again), and a
 * period emits #MeasuresOverviewView::measure-activated.
 *
 * Returns: whether @hit does something
 */
gboolean
measures_overview_view_activate (MeasuresOverviewView *self,
                                 MeasuresChartHit     *hit)
{
  MeasuresOverview *overview;

  g_return_val_if_fail (MEASURES_IS_OVERVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  overview = self->overview;
  if (overview == NULL || self->query == NULL)
    return FALSE;

  switch (hit->kind)
    {
    case MEASURES_CHART_HIT_YEAR:
      {
        int year = g_array_index (overview->years, MeasuresYearBin, hit->index).year;
        int from, to;

        /* The year already chosen alone: a second click undoes the first. */
        measures_query_get_years (self->query, &from, &to);
        if (from == year && to == year)
          measures_query_set_years (self->query, MEASURES_YEAR_NONE, MEASURES_YEAR_NONE);
        else
          measures_query_set_years (self->query, year, year);
        return TRUE;
      }
    case MEASURES_CHART_HIT_COUNT:
      {
        GArray *counts = hit->part == MEASURES_CHART_FORMS ? overview->by_form : overview->by_type;
        const MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, hit->index);

        choose_alone (self, count->facet, count->value);
        return TRUE;
      }
    case MEASURES_CHART_HIT_CATEGORY:
      {
        guint value = g_array_index (overview->category_values, guint, hit->index);

        /* "Other" is no type to filter by. */
        if (value == G_MAXUINT)
          return FALSE;
        choose_alone (self, MEASURES_FACET_TYPE, value);
        return TRUE;
      }
    case MEASURES_CHART_HIT_TIMELINE:
      {
        const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, hit->index);
        g_autoptr(MeasuresMeasure) measure = g_object_ref (measures_index_get_measure (self->index, row->position));

        g_signal_emit (self, signals[MEASURE_ACTIVATED], 0, measure);
        return TRUE;
      }
    case MEASURES_CHART_HIT_NONE:
    default:
      return FALSE;
    }
}

/**
 * measures_overview_view_activate_at:
 * @self: an overview
 * @chart: which chart
 * @x: a point of its drawing area
 * @y: a point
 *
 * Does what a click at (@x, @y) on @chart does.
 *
 * Returns: whether there was something there to click
 */
gboolean
measures_overview_view_activate_at (MeasuresOverviewView *self,
                                    MeasuresChart         chart,
                                    double                x,
                                    double                y)
{
  MeasuresChartHit hit;

  g_return_val_if_fail (MEASURES_IS_OVERVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (chart < MEASURES_N_CHARTS, FALSE);

  if (self->overview == NULL ||
      !measures_chart_hit (self->overview, chart, gtk_widget_get_width (self->sections[chart].area), x, y, &hit))
    return FALSE;

  return measures_overview_view_activate (self, &hit);
}
