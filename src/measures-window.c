/* measures-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-detail-pane.h"
#include "measures-export-dialog.h"
#include "measures-export.h"
#include "measures-filter-sidebar.h"
#include "measures-chart.h"
#include "measures-loader.h"
#include "measures-overview-view.h"
#include "measures-preferences-window.h"
#include "measures-print-operation.h"
#include "measures-summary.h"
#include "measures-result-model.h"
#include "measures-text.h"
#include "measures-vocabulary.h"
#include "measures-window.h"

/* The model chain, from the records to the view:
 *
 *   MeasuresIndex (all loaded records, indexed once in the load thread)
 *     → MeasuresResultModel (the matches of the query, in the chosen
 *       order; one items-changed per query or sort change, for the
 *       stretch that changed; brought up to date while the list is shown)
 *       → GtkSingleSelection → GtkColumnView, and its selected item
 *                              → MeasuresDetailPane:measure
 *     → MeasuresOverviewView (charts of the same matches, while shown;
 *       kept while the same measures match)
 *
 * The query is evaluated by the index, which also gives the counts the
 * sidebar shows. The column view's sorter is only read, never used to
 * sort: see sort_changed_cb().
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  AdwFlap *flap;
  MeasuresFilterSidebar *filter_sidebar;
  GtkPaned *paned;
  GtkStack *list_stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *years_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *form_column;
  AdwStatusPage *error_page;
  AdwStatusPage *no_results_page;
  GtkRevealer *problem_banner;
  GtkLabel *problem_label;
  GtkProgressBar *load_progress;
  MeasuresDetailPane *detail_pane;
  MeasuresOverviewView *overview_view;

  /* Owned references */
  GSettings *settings;
  GListStore *datasets;
  MeasuresIndex *index;
  MeasuresResult *result;
  MeasuresQuery *query;
  MeasuresResultModel *results;
  GtkSingleSelection *selection;
  GCancellable *cancellable;         /* of the load shown */
  GCancellable *export_cancellable;
  GCancellable *chart_cancellable;
  GApplication *busy_application;   /* marked busy while loading */
  AdwToast *export_toast;
  GStrv settings_problems;

  /* Loads that ended before the first frame, and what shows them. */
  gboolean painted;
  GList *pending_loads;
  guint pending_source;
  GPtrArray *deferred_files;  /* to load once the first frame is painted */
  guint deferred_source;
  guint export_toast_source;
  guint export_count;
  GPtrArray *sources;           /* GFile, the datasets the user opened */
  GPtrArray *problems;          /* MeasuresProblem, of the last load */
  GObject *probe_items[2];

  /* State */
  MeasuresSort sort;
  MeasuresSort probed_sort;
  guint sort_descending : 1;
  guint loading : 1;
  guint show_bundled : 1;
  guint remember_sources : 1;
  guint progress_source;
  gint progress;
  guint syncing_search : 1;
  guint show_overview : 1;
  guint list_stale : 1;         /* the list shows older results than self->result */
  guint closed : 1;             /* its work is stopped; nothing more is shown */
  guint announce_first_paint : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_SHOW_BUNDLED,
  PROP_SORT_BY,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static gboolean
update_progress_cb (gpointer user_data)
{
  MeasuresWindow *self = user_data;
  int progress = g_atomic_int_get (&self->progress);

  /* One large file gives no figures until it is read: pulse meanwhile. */
  if (progress <= 0)
    gtk_progress_bar_pulse (self->load_progress);
  else
    gtk_progress_bar_set_fraction (self->load_progress, progress / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
set_loading (MeasuresWindow *self,
             gboolean        loading)
{
  GtkApplication *app;

  if (self->loading == !!loading)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (loading)
    {
      g_atomic_int_set (&self->progress, 0);
      gtk_progress_bar_set_fraction (self->load_progress, 0);
      self->progress_source = g_timeout_add (100, update_progress_cb, self);
    }

  self->loading = !!loading;
  if (self->spinner != NULL)
    gtk_spinner_set_spinning (self->spinner, loading);

  /* The application that was marked busy is the one unmarked, even once
   * the window has left it. */
  if (self->busy_application != NULL)
    {
      g_application_unmark_busy (self->busy_application);
      g_clear_object (&self->busy_application);
    }
  /* Busy is a D-Bus property: without a session bus, GLib 2.74 would
   * emit its change on no connection, with a critical. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (loading && app != NULL && g_application_get_dbus_connection (G_APPLICATION (app)) != NULL)
    {
      self->busy_application = g_object_ref (G_APPLICATION (app));
      g_application_mark_busy (self->busy_application);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Cells */

/* Cells ellipsize, so their least number of characters sets how narrow a
 * column may get; the columns that expand share whatever room is left. */
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

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cell_label (item, 9, 16);
}

static void
setup_years_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 10, 11);

  gtk_widget_add_css_class (label, "numeric");
}

static void
setup_title_cell_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 18, 40);

  gtk_widget_add_css_class (label, "measure-title");
}

static MeasuresMeasure *
item_measure (GtkListItem *item)
{
  return MEASURES_MEASURE (gtk_list_item_get_item (item));
}

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* Free text of a record: directional controls are shown by their names. */
static void
set_long_cell_text (GtkListItem *item,
                    const char  *text)
{
  g_autofree char *shown = text != NULL ? measures_text_show_bidi_controls (text) : NULL;

  set_cell_text (item, shown != NULL ? shown : text);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_auto(GStrv) langs = measures_get_content_languages ();

  set_long_cell_text (item, measures_measure_resolve_title (item_measure (item), (const char * const *) langs));
}

static void
bind_country_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  g_autofree char *label = measures_vocabulary_label (MEASURES_FACET_COUNTRY,
                                                      measures_measure_get_country (item_measure (item)));

  set_long_cell_text (item, label);
}

static void
bind_years_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_autofree char *years = measures_measure_dup_years_label (item_measure (item));

  set_cell_text (item, years);
}

static void
bind_joined (GtkListItem        *item,
             MeasuresFacet       facet,
             const char * const *values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *label = measures_vocabulary_label (facet, values[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", label);
    }

  set_long_cell_text (item, text->str);
}

static void
bind_type_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  bind_joined (item, MEASURES_FACET_TYPE, measures_measure_get_types (item_measure (item)));
}

static void
bind_form_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  bind_joined (item, MEASURES_FACET_FORM, measures_measure_get_forms (item_measure (item)));
}

/* Sorting.
 *
 * The column view keeps which column sorts and in which direction, and
 * draws the arrows in the headers. Each column's sorter only reports
 * that it was asked: comparing two probe objects through the column
 * view's sorter tells which column is first and whether it is reversed,
 * with the API of GTK 4.8. The index then gives the order, from keys it
 * made once, and the result model shows it in one step. */

static const struct {
  const char *name;
  MeasuresSort sort;
  gboolean descending;
} sort_names[] = {
  { "none", MEASURES_SORT_NONE, FALSE },
  { "title", MEASURES_SORT_TITLE, FALSE },
  { "title-descending", MEASURES_SORT_TITLE, TRUE },
  { "country", MEASURES_SORT_COUNTRY, FALSE },
  { "country-descending", MEASURES_SORT_COUNTRY, TRUE },
  { "oldest", MEASURES_SORT_YEAR, FALSE },
  { "newest", MEASURES_SORT_YEAR, TRUE },
  { "type", MEASURES_SORT_TYPE, FALSE },
  { "type-descending", MEASURES_SORT_TYPE, TRUE },
  { "form", MEASURES_SORT_FORM, FALSE },
  { "form-descending", MEASURES_SORT_FORM, TRUE },
};

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  MeasuresWindow *self = g_object_get_data (G_OBJECT (a), "window");

  self->probed_sort = GPOINTER_TO_UINT (user_data);

  return GTK_ORDERING_SMALLER;
}

static void
set_column_sorter (MeasuresWindow      *self,
                   GtkColumnViewColumn *column,
                   MeasuresSort         sort)
{
  g_autoptr(GtkSorter) sorter =
    GTK_SORTER (gtk_custom_sorter_new (probe_compare, GUINT_TO_POINTER (sort), NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static GtkColumnViewColumn *
column_for_sort (MeasuresWindow *self,
                 MeasuresSort    sort)
{
  switch (sort)
    {
    case MEASURES_SORT_TITLE:
      return self->title_column;
    case MEASURES_SORT_COUNTRY:
      return self->country_column;
    case MEASURES_SORT_YEAR:
      return self->years_column;
    case MEASURES_SORT_TYPE:
      return self->type_column;
    case MEASURES_SORT_FORM:
      return self->form_column;
    case MEASURES_SORT_NONE:
    case MEASURES_N_SORTS:
    default:
      return NULL;
    }
}

static void
update_list (MeasuresWindow *self)
{
  self->list_stale = FALSE;
  measures_result_model_update (self->results, self->index,
                                self->result != NULL ? self->result->matches : NULL,
                                self->sort, self->sort_descending);
}

/* The list follows the results while it is shown. With the overview
 * shown, a change of the filters only redraws the charts, in the frame
 * that follows; the list catches up once it is shown or asked for. */
static void
show_result (MeasuresWindow *self)
{
  if (self->show_overview)
    self->list_stale = TRUE;
  else
    update_list (self);
}

static void
catch_up_list (MeasuresWindow *self)
{
  if (self->list_stale)
    update_list (self);
}

static void
sort_changed_cb (MeasuresWindow *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* The columns go away one by one while the window is destroyed. */
  if (self->column_view == NULL || self->results == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_sort = MEASURES_SORT_NONE;
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);

  if (self->probed_sort == self->sort &&
      (order == GTK_ORDERING_LARGER) == self->sort_descending)
    return;

  self->sort = self->probed_sort;
  self->sort_descending = order == GTK_ORDERING_LARGER;
  show_result (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

static const char *
get_sort_by (MeasuresWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (sort_names[i].sort == self->sort && sort_names[i].descending == self->sort_descending)
      return sort_names[i].name;

  return "none";
}

static void
set_sort_by (MeasuresWindow *self,
             const char     *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (sort_names[i].name, name) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view,
                                        column_for_sort (self, sort_names[i].sort),
                                        sort_names[i].descending ? GTK_SORT_DESCENDING
                                                                 : GTK_SORT_ASCENDING);
        return;
      }
}

static void
update_view (MeasuresWindow *self)
{
  guint total = self->index != NULL ? measures_index_get_n_measures (self->index) : 0;
  guint shown = self->result != NULL ? self->result->n_matches : 0;
  g_autofree char *subtitle = NULL;

  if (self->loading)
    return;

  if (total == 0)
    {
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "error"))
        gtk_stack_set_visible_child_name (self->list_stack, "empty");
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }

  if (measures_query_is_empty (self->query))
    /* Translators: the window subtitle; %'u is the number of measures,
     * written with the locale's digit grouping */
    subtitle = g_strdup_printf (ngettext ("%'u measure", "%'u measures", total), total);
  else
    /* Translators: the window subtitle while filtering, "3 of 1,204 measures";
     * the plural follows the second number */
    subtitle = g_strdup_printf (ngettext ("%'u of %'u measure", "%'u of %'u measures", total),
                                shown, total);

  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (shown == 0)
    {
      g_autofree char *criteria = measures_query_describe (self->query);
      /* Translators: %s names the filters, such as "Romania · Trafficking · 2018–2022" */
      g_autofree char *description = g_strdup_printf (_("Nothing matches %s"), criteria);

      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_stack_set_visible_child_name (self->list_stack,
                                    shown == 0 ? "no-results" : self->show_overview ? "overview" : "list");
}

/* The charts are only computed while they are shown. */
static void
update_overview (MeasuresWindow *self)
{
  if (!self->show_overview || self->index == NULL)
    return;

  measures_overview_view_update (self->overview_view, self->index,
                                 self->result != NULL ? self->result->matches : NULL);
}

static const char *
get_view (MeasuresWindow *self)
{
  return self->show_overview ? "overview" : "list";
}

static void
set_view (MeasuresWindow *self,
          const char     *view)
{
  gboolean overview = g_strcmp0 (view, "overview") == 0;

  if (self->show_overview == overview)
    return;

  self->show_overview = overview;
  catch_up_list (self);
  update_overview (self);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* A period of the timeline: its measure in the detail pane, selected in
 * the list for when the user goes back to it. */
static void
measure_activated_cb (MeasuresWindow       *self,
                      MeasuresMeasure      *measure,
                      MeasuresOverviewView *view)
{
  measures_window_select (self, measures_measure_get_id (measure));
}

static void
evaluate (MeasuresWindow *self)
{
  if (self->index == NULL)
    return;

  g_clear_pointer (&self->result, measures_result_free);
  self->result = measures_index_evaluate (self->index, self->query);

  show_result (self);
  update_overview (self);
  measures_filter_sidebar_set_result (self->filter_sidebar, self->result);
  measures_detail_pane_set_highlight (self->detail_pane, measures_query_get_search_words (self->query));
  update_view (self);
}

static void
search_changed_cb (MeasuresWindow *self,
                   GtkSearchEntry *entry)
{
  if (self->syncing_search)
    return;

  measures_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The search text can come from the command line or from the last
 * session too; show it where the user types. */
static void
sync_search_entry (MeasuresWindow *self)
{
  /* A copy: setting the entry's text emits search-changed on the way. */
  g_autofree char *search = g_strdup (measures_query_get_search (self->query));

  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search))
    {
      self->syncing_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
      self->syncing_search = FALSE;
    }

  if (*search != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
stop_search_cb (MeasuresWindow *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
query_changed_cb (MeasuresWindow *self,
                  MeasuresQuery  *query)
{
  sync_search_entry (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !measures_query_is_empty (self->query));
  evaluate (self);
}

/* Loading */

static void
show_problems (MeasuresWindow *self,
               GPtrArray      *problems)
{
  g_autofree char *title = NULL;

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, measures_problem_copy (g_ptr_array_index (problems, i)));

  if (problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problem_banner, FALSE);
      return;
    }

  /* Translators: a banner after loading; %'u is a number */
  title = g_strdup_printf (ngettext ("%'u problem while reading the datasets: what could be read is shown",
                                     "%'u problems while reading the datasets: what could be read is shown",
                                     problems->len),
                           problems->len);
  gtk_label_set_text (self->problem_label, title);
  gtk_revealer_set_reveal_child (self->problem_banner, TRUE);
}

static char *
problems_text (MeasuresWindow *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = measures_problem_to_string (g_ptr_array_index (self->problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static void
prepare_orders_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  measures_index_prepare_orders (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Sorting by title or country the first time would collate every title:
 * that is done meanwhile, on the other core. */
static void
prepare_orders (MeasuresIndex *index)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (index), g_object_unref);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, prepare_orders_thread);
}

/* One load: the window it shows in, the cancellable that tells whether
 * it is still the window's current load, and, once it ended, its result. */
typedef struct
{
  MeasuresWindow *self;
  GCancellable *cancellable;
  GAsyncResult *result;
  gboolean before_first_frame;  /* shown as soon as it ends */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->result);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

static void
shown_paint_cb (GdkFrameClock  *clock,
                MeasuresWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, shown_paint_cb, self);
  g_debug ("Painted %u measures", self->index != NULL ? measures_index_get_n_measures (self->index) : 0);
}

static void
apply_load (LoadJob *ended)
{
  g_autoptr(LoadJob) job = ended;
  MeasuresWindow *self = job->self;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = measures_loader_load_finish (job->result, &error);

  /* A closed window shows nothing more; a load replaced by a newer one
   * leaves the window to that one. */
  if (self->closed || job->cancellable != self->cancellable)
    return;

  /* Cancelled after it ended, while it waited for the first frame. */
  if (catalog != NULL && g_cancellable_is_cancelled (job->cancellable))
    g_clear_pointer (&catalog, measures_catalog_free);

  if (catalog == NULL)
    {
      /* Cancelled by the user: what was shown before stays. */
      set_loading (self, FALSE);
      update_view (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Loading failed: %s", error->message);
      return;
    }

  g_list_store_splice (self->datasets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->datasets)),
                       catalog->datasets->pdata, catalog->datasets->len);
  g_set_object (&self->index, catalog->index);
  measures_filter_sidebar_set_index (self->filter_sidebar, self->index);
  prepare_orders (self->index);

  set_loading (self, FALSE);

  if (catalog->measures->len == 0 && catalog->problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < catalog->problems->len; i++)
        {
          g_autofree char *line = measures_problem_to_string (g_ptr_array_index (catalog->problems, i));

          g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
        }

      adw_status_page_set_description (self->error_page, text->str);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (gtk_stack_get_visible_child_name (self->list_stack) != NULL &&
           g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "error"))
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  show_problems (self, catalog->problems);
  evaluate (self);
  update_view (self);

  /* Tells build-aux/first-launch when the measures are on screen: after
   * the next frame, or the first one. */
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (shown_paint_cb), self, 0);
  else
    self->announce_first_paint = TRUE;
}

static void load_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
start_load (MeasuresWindow *self,
            GPtrArray      *files,
            gboolean        before_first_frame)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->before_first_frame = before_first_frame;
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (self->cancellable);
  measures_loader_load_with_progress_async ((GFile * const *) files->pdata, files->len, &self->progress,
                                            job->cancellable, load_cb, job);
}

static gboolean
start_deferred_load_cb (gpointer data)
{
  MeasuresWindow *self = data;
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->deferred_files);

  self->deferred_source = 0;
  if (files != NULL && !self->closed)
    start_load (self, files, FALSE);

  return G_SOURCE_REMOVE;
}

/* The first frame comes before any data: a load that ends before the
 * window is first painted (a small file, or a cache) is shown on the
 * frames after it, so that the window appears at once whatever the data. */
static void
apply_pending_loads (MeasuresWindow *self)
{
  GList *pending = g_steal_pointer (&self->pending_loads);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  for (GList *l = pending; l != NULL; l = l->next)
    apply_load (l->data);
  g_list_free (pending);
}

static gboolean
apply_pending_loads_cb (gpointer data)
{
  MeasuresWindow *self = data;

  self->pending_source = 0;
  apply_pending_loads (self);

  return G_SOURCE_REMOVE;
}

/* What waited for the first frame starts now. Nothing here may wait in
 * an idle callback of low priority: while a spinner or a progress bar
 * redraws, GTK's frames come first, and on a slow renderer they never
 * leave such a callback its turn. */
static void
first_paint_cb (GdkFrameClock  *clock,
                MeasuresWindow *self)
{
  self->painted = TRUE;
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  if (self->announce_first_paint)
    shown_paint_cb (clock, self);
  if (self->deferred_files != NULL)
    {
      g_clear_handle_id (&self->deferred_source, g_source_remove);
      start_deferred_load_cb (self);
    }
  if (self->pending_loads != NULL)
    {
      /* Shown before the next frame, not inside this one. */
      g_clear_handle_id (&self->pending_source, g_source_remove);
      self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT, apply_pending_loads_cb, self, NULL);
    }
}

static void
realize_cb (MeasuresWindow *self)
{
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_paint_cb), self, 0);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadJob *job = user_data;
  MeasuresWindow *self = job->self;

  job->result = g_object_ref (result);
  if (self->painted || self->closed || job->before_first_frame)
    {
      apply_load (job);
      return;
    }

  /* Not painted yet: after the first frame, or soon if the window is
   * never shown. */
  self->pending_loads = g_list_append (self->pending_loads, job);
  if (self->pending_source == 0)
    self->pending_source = g_timeout_add (1000, apply_pending_loads_cb, self);
}

/* The datasets shown: the bundled one when it is not hidden, then those
 * the user opened; loaded again whole after any change. */
static void
reload (MeasuresWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->show_bundled)
    g_ptr_array_add (files, measures_loader_get_bundled_file ());
  for (guint i = 0; i < self->sources->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (self->sources, i)));

  if (self->closed)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->deferred_files, g_ptr_array_unref);
  g_clear_handle_id (&self->deferred_source, g_source_remove);

  if (files->len == 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      g_list_store_remove_all (self->datasets);
      g_clear_object (&self->index);
      self->index = measures_index_new (none);
      measures_filter_sidebar_set_index (self->filter_sidebar, self->index);
      show_problems (self, none);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      set_loading (self, FALSE);
      evaluate (self);
      update_view (self);
      return;
    }

  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");

  /* Loading can take both cores for a while: it starts once the first
   * frame is painted, so that the window appears at once, or after half
   * a second if the window is not shown. The bundled measures alone, as
   * a new user has them, take milliseconds: they are read at once and
   * shown in the first frame, which saves drawing a spinner first. */
  if (!self->painted && !(files->len == 1 && self->show_bundled))
    {
      self->deferred_files = g_steal_pointer (&files);
      self->deferred_source = g_timeout_add (500, start_deferred_load_cb, self);
      return;
    }

  start_load (self, files, !self->painted);
}

static void
save_sources (MeasuresWindow *self)
{
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (!self->remember_sources)
    return;

  for (guint i = 0; i < self->sources->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (self->sources, i));

      g_strv_builder_add (uris, uri);
    }
  list = g_strv_builder_end (uris);

  g_settings_set_strv (self->settings, "datasets", (const char * const *) list);
  g_settings_set_boolean (self->settings, "show-bundled", self->show_bundled);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);

  /* Not started yet: there is nothing to wait for. */
  if (self->deferred_files != NULL)
    {
      g_clear_pointer (&self->deferred_files, g_ptr_array_unref);
      g_clear_handle_id (&self->deferred_source, g_source_remove);
      set_loading (self, FALSE);
      update_view (self);
    }
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (MEASURES_WINDOW (widget)->problem_banner, FALSE);
}

static void
problems_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MeasuresWindow   *self)
{
  if (g_str_equal (response, "copy"))
    {
      g_autofree char *text = problems_text (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
    }
}

static void
settings_details_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->settings_problems == NULL)
    return;

  body = g_strjoinv ("\n", self->settings_problems);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Settings Reset to Their Defaults"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * measures_window_report_settings:
 * @problems: (element-type utf8): what measures_settings_repair() found
 *
 * Says that settings could not be used and were reset, so that the user
 * knows why the window is not as they left it.
 */
void
measures_window_report_settings (MeasuresWindow *self,
                                 GPtrArray      *problems)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (MEASURES_IS_WINDOW (self));

  if (problems == NULL || problems->len == 0)
    return;

  g_strfreev (self->settings_problems);
  self->settings_problems = g_new0 (char *, problems->len + 1);
  for (guint i = 0; i < problems->len; i++)
    self->settings_problems[i] = g_strdup (g_ptr_array_index (problems, i));

  /* Translators: a notification */
  title = g_strdup_printf (ngettext ("A setting could not be used and was reset",
                                     "%u settings could not be used and were reset",
                                     problems->len), problems->len);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.settings-details");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *text = problems_text (self);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Could Not Be Read"),
                                   _("Each line names the file, the place in it, the record and what is wrong."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems while reading the datasets"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_widget_set_size_request (scroller, 520, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  g_signal_connect_object (dialog, "response", G_CALLBACK (problems_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                MeasuresWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      measures_window_add_files (self, (GFile * const *) list->pdata, list->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_datasets (MeasuresWindow *self,
                 gboolean        folder)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Open a Folder of Datasets") : _("Open Datasets"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (!folder)
    {
      g_autoptr(GtkFileFilter) datasets = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      gtk_file_filter_set_name (datasets, _("Datasets (JSON or text)"));
      gtk_file_filter_add_suffix (datasets, "json");
      gtk_file_filter_add_suffix (datasets, "txt");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), datasets);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_datasets (MEASURES_WINDOW (widget), FALSE);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_datasets (MEASURES_WINDOW (widget), TRUE);
}

static void
remove_dataset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) bundled = measures_loader_get_bundled_file ();

  if (g_file_equal (file, bundled))
    {
      self->show_bundled = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BUNDLED]);
    }
  else
    for (guint i = 0; i < self->sources->len; i++)
      if (g_file_equal (g_ptr_array_index (self->sources, i), file))
        {
          g_ptr_array_remove_index (self->sources, i);
          break;
        }

  self->remember_sources = TRUE;
  save_sources (self);
  reload (self);
}

static void
reload_datasets_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  reload (MEASURES_WINDOW (widget));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         MeasuresWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);

  if (list->len == 0)
    return FALSE;

  measures_window_add_files (self, (GFile * const *) list->pdata, list->len);

  return TRUE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  measures_query_clear (MEASURES_WINDOW (widget)->query);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The content language: records are shown again in the new language,
 * and titles sort by their text in it. */
static void
content_language_changed_cb (MeasuresWindow *self)
{
  measures_preferences_apply_content_language (self->settings);

  if (self->index != NULL)
    measures_index_forget_orders (self->index);

  /* Rebind every row, then sort again; the charts' labels change too. */
  measures_result_model_refresh (self->results);
  show_result (self);
  measures_overview_view_invalidate (self->overview_view);
  update_overview (self);
  measures_detail_pane_refresh (self->detail_pane);
}

/* Printing and exporting */

typedef struct
{
  GPtrArray *measures;
  MeasuresQuery *query;
  gboolean single;
  MeasuresExportFormat format;
  char *lang;
  GFile *file;
  GCancellable *cancellable;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->measures, g_ptr_array_unref);
  g_clear_object (&job->query);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job->lang);
  g_free (job);
}

/* What the dialog chose: the selected measure, or the matches in the
 * order shown, with a copy of the filters that the thread can read. */
static ExportJob *
export_job_new (MeasuresWindow       *self,
                gboolean              single,
                MeasuresExportFormat  format,
                const char           *lang)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  GListModel *model = G_LIST_MODEL (self->results);

  catch_up_list (self);

  job->single = single && measures_detail_pane_get_measure (self->detail_pane) != NULL;
  job->format = format;
  job->lang = g_strdup (lang);
  job->measures = g_ptr_array_new_with_free_func (g_object_unref);
  job->query = measures_query_new ();
  measures_query_assign (job->query, self->query);

  if (job->single)
    g_ptr_array_add (job->measures, g_object_ref (measures_detail_pane_get_measure (self->detail_pane)));
  else
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_ptr_array_add (job->measures, g_list_model_get_item (model, i));

  return job;
}

/* Says how an export ended: what went wrong, or where the file is, with
 * a button to open it; a cancelled summary export is said too. */
static void
show_export_outcome (MeasuresWindow *self,
                     GFile          *file,
                     const GError   *error,
                     gboolean        tell_cancelled)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (!tell_cancelled)
            return;
          /* Translators: a notification; nothing was written */
          title = g_strdup (_("Export cancelled"));
        }
      else
        /* Translators: a notification; %s says why */
        title = g_strdup_printf (_("Could not export: %s"), error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* Translators: a notification; %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_file_get_uri (file)));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  ExportJob *job = g_object_get_data (object, "job");
  g_autoptr(GError) error = NULL;

  measures_export_finish (MEASURES_EXPORT (object), result, &error);

  /* An export replaced by a newer one leaves its notification to it. */
  if (self->closed || job->cancellable != self->export_cancellable)
    return;

  if (self->export_toast != NULL)
    adw_toast_dismiss (self->export_toast);
  g_clear_object (&self->export_toast);
  g_clear_handle_id (&self->export_toast_source, g_source_remove);
  g_clear_object (&self->export_cancellable);

  show_export_outcome (self, job->file, error, TRUE);
}

/* Progress, for exports that take a while: a notification that stays
 * until the export ends, and that can cancel it. Quick exports show
 * only their result. */
static gboolean
show_export_progress_cb (gpointer user_data)
{
  MeasuresWindow *self = user_data;
  g_autofree char *title = NULL;

  self->export_toast_source = 0;

  /* Translators: a notification while exporting; %'u is a number */
  title = g_strdup_printf (ngettext ("Exporting %'u measure…", "Exporting %'u measures…", self->export_count),
                           self->export_count);
  g_clear_object (&self->export_toast);
  self->export_toast = adw_toast_new (title);
  adw_toast_set_timeout (self->export_toast, 0);
  adw_toast_set_button_label (self->export_toast, _("_Cancel"));
  adw_toast_set_action_name (self->export_toast, "win.cancel-export");
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->export_toast));

  return G_SOURCE_REMOVE;
}

static void
start_export (MeasuresWindow *self,
              ExportJob      *job)
{
  g_autoptr(MeasuresExport) export = NULL;

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->export_cancellable);

  self->export_count = job->measures->len;
  g_clear_handle_id (&self->export_toast_source, g_source_remove);
  self->export_toast_source = g_timeout_add (400, show_export_progress_cb, self);

  export = measures_export_new_summary (job->format, job->measures, job->query, job->single, job->lang);
  g_object_set_data_full (G_OBJECT (export), "job", job, export_job_free);
  measures_export_async (export, job->file, self->export_cancellable, export_done_cb, g_object_ref (self));
}

/* File choosers call back a window that may be closed by then; their
 * handlers are connected with g_signal_connect_object() and look at
 * self->closed. */
static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                MeasuresWindow  *self)
{
  ExportJob *job = g_object_steal_data (G_OBJECT (chooser), "job");

  if (response == GTK_RESPONSE_ACCEPT && !self->closed && job != NULL)
    {
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      start_export (self, g_steal_pointer (&job));
    }
  g_clear_pointer (&job, export_job_free);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (MeasuresWindow *self,
             ExportJob      *job)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = measures_export_dialog_new_filter (job->format);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an export, without extension */
  name = g_strdup_printf ("%s.%s", job->single ? _("measure") : _("measures-summary"),
                          measures_export_format_get_extension (job->format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "job", job, export_job_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_print_error (MeasuresWindow *self,
                  const GError   *error)
{
  g_autofree char *title = NULL;

  if (self->closed)
    return;

  /* Translators: a notification; %s says why */
  title = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : _("unknown error"));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MeasuresWindow          *self)
{
  g_object_set_data (G_OBJECT (operation), "done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_print_error (self, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    measures_print_operation_save (MEASURES_PRINT_OPERATION (operation));
}

static void
start_print (MeasuresWindow *self,
             ExportJob      *job)
{
  MeasuresSummary *summary = measures_summary_new (job->measures, job->query, job->single, job->lang, NULL);
  g_autoptr(MeasuresPrintOperation) operation = measures_print_operation_new (summary);
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  /* An error found before the operation went on its own is said here;
   * later ones come with "done". */
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "done") == NULL)
    show_print_error (self, error);
  export_job_free (job);
}

static void
export_response_cb (MeasuresExportDialog *dialog,
                    const char           *response,
                    MeasuresWindow       *self)
{
  gboolean single = measures_export_dialog_get_single (dialog);
  MeasuresExportFormat format = measures_export_dialog_get_format (dialog);
  const char *lang = measures_export_dialog_get_lang (dialog);

  if (g_str_equal (response, "export"))
    choose_file (self, export_job_new (self, single, format, lang));
  else if (g_str_equal (response, "print"))
    start_print (self, export_job_new (self, single, MEASURES_FORMAT_PDF, lang));
}

static char *
export_language (MeasuresWindow *self)
{
  g_autofree char *lang = g_settings_get_string (self->settings, "export-language");

  if (g_str_equal (lang, "auto"))
    return measures_get_preferred_language ();

  return g_steal_pointer (&lang);
}

static void
show_export_dialog (MeasuresWindow *self,
                    const char     *default_response)
{
  MeasuresMeasure *selected = measures_detail_pane_get_measure (self->detail_pane);
  g_auto(GStrv) langs = measures_get_content_languages ();
  g_autofree char *lang = export_language (self);
  MeasuresExportDialog *dialog;

  catch_up_list (self);
  dialog = measures_export_dialog_new (GTK_WINDOW (self),
                                       selected != NULL ? measures_measure_resolve_title (selected, (const char * const *) langs) : NULL,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                                       lang);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_export_dialog (MEASURES_WINDOW (widget), "export");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_export_dialog (MEASURES_WINDOW (widget), "print");
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_cancellable_cancel (MEASURES_WINDOW (widget)->export_cancellable);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED, and guarded. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GFile) file = g_file_new_for_uri (uri);
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

/* Charts as images */

static void
chart_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  MeasuresExport *export = MEASURES_EXPORT (object);
  g_autoptr(GError) error = NULL;

  measures_export_finish (export, result, &error);
  if (!self->closed)
    show_export_outcome (self, measures_export_get_file (export), error, FALSE);
}

/**
 * measures_window_export_chart:
 * @self: a window
 * @chart: which chart of the overview
 * @format: PNG or SVG
 * @file: where to write
 *
 * Writes @chart of the measures that match as an image, in a thread, as
 * Export Chart… does once a file is chosen; a notification tells how it
 * went.
 */
void
measures_window_export_chart (MeasuresWindow      *self,
                              MeasuresChart        chart,
                              MeasuresChartFormat  format,
                              GFile               *file)
{
  g_autoptr(MeasuresExport) export = NULL;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (chart < MEASURES_N_CHARTS);
  g_return_if_fail (G_IS_FILE (file));

  if (self->index == NULL || self->result == NULL)
    return;

  export = measures_export_new_chart (format == MEASURES_CHART_SVG ? MEASURES_FORMAT_SVG : MEASURES_FORMAT_PNG,
                                      self->index, self->result->matches, chart, 2);
  if (self->chart_cancellable == NULL)
    self->chart_cancellable = g_cancellable_new ();
  measures_export_async (export, file, self->chart_cancellable, chart_done_cb, g_object_ref (self));
}

static void
chart_file_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      MeasuresWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      MeasuresChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "chart"));
      MeasuresChartFormat format;

      /* A name without .png or .svg gets the one of the chosen filter. */
      if (path == NULL || !measures_chart_format_from_path (path, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *name = NULL;
          g_autoptr(GFile) parent = g_file_get_parent (file);

          format = filter != NULL && filter == g_object_get_data (G_OBJECT (chooser), "svg-filter")
                   ? MEASURES_CHART_SVG : MEASURES_CHART_PNG;
          name = g_strconcat (base, format == MEASURES_CHART_SVG ? ".svg" : ".png", NULL);
          g_clear_object (&file);
          file = parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
        }

      measures_window_export_chart (self, chart, format, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = measures_export_dialog_new_filter (MEASURES_FORMAT_PNG);
  g_autoptr(GtkFileFilter) svg = measures_export_dialog_new_filter (MEASURES_FORMAT_SVG);
  g_autofree char *name = NULL;
  MeasuresChart chart;

  if (!measures_chart_from_name (g_variant_get_string (parameter, NULL), &chart))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  g_object_set_data_full (G_OBJECT (chooser), "svg-filter", g_object_ref (svg), g_object_unref);
  g_object_set_data (G_OBJECT (chooser), "chart", GUINT_TO_POINTER (chart));

  /* Translators: the suggested name of a chart image, without extension;
   * %s is years, forms, types or timeline */
  name = g_strdup_printf (_("measures-%s.png"), measures_chart_get_name (chart));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chart_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Window state, filters, search and sort */

static void
save_query (MeasuresWindow *self)
{
  static const struct {
    const char *key;
    MeasuresFacet facet;
  } facets[] = {
    { "filter-countries", MEASURES_FACET_COUNTRY },
    { "filter-regions", MEASURES_FACET_REGION },
    { "filter-types", MEASURES_FACET_TYPE },
    { "filter-forms", MEASURES_FACET_FORM },
  };
  int from, to;

  g_settings_delay (self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (facets); i++)
    g_settings_set_strv (self->settings, facets[i].key,
                         measures_query_get_chosen (self->query, facets[i].facet));
  measures_query_get_years (self->query, &from, &to);
  g_settings_set (self->settings, "filter-years", "(ii)", from, to);
  g_settings_set_string (self->settings, "search", measures_query_get_search (self->query));
  g_settings_set_string (self->settings, "sort-by", get_sort_by (self));
  g_settings_apply (self->settings);
}

static void
restore_query (MeasuresWindow *self)
{
  g_auto(GStrv) countries = g_settings_get_strv (self->settings, "filter-countries");
  g_auto(GStrv) regions = g_settings_get_strv (self->settings, "filter-regions");
  g_auto(GStrv) types = g_settings_get_strv (self->settings, "filter-types");
  g_auto(GStrv) forms = g_settings_get_strv (self->settings, "filter-forms");
  g_autofree char *search = g_settings_get_string (self->settings, "search");
  g_autofree char *sort_by = g_settings_get_string (self->settings, "sort-by");
  int from, to;

  g_settings_get (self->settings, "filter-years", "(ii)", &from, &to);
  if (from != MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE && from > to)
    from = to = MEASURES_YEAR_NONE;

  measures_query_set_places (self->query, (const char * const *) countries, (const char * const *) regions);
  measures_query_set_types (self->query, (const char * const *) types);
  measures_query_set_forms (self->query, (const char * const *) forms);
  measures_query_set_years (self->query, from, to);
  measures_query_set_search (self->query, search);
  set_sort_by (self, sort_by);
}

static void
save_window_state (MeasuresWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
  save_query (self);
}

static gboolean
measures_window_close_request (GtkWindow *window)
{
  save_window_state (MEASURES_WINDOW (window));

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

/* A closed window stops its work at once: its load, exports and timers,
 * and the application's busy mark. The callbacks still to come hold the
 * window and find it closed. */
static void
stop_work (MeasuresWindow *self)
{
  GCancellable *cancellables[] = { self->cancellable, self->export_cancellable, self->chart_cancellable };

  self->closed = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (cancellables); i++)
    if (cancellables[i] != NULL)
      g_cancellable_cancel (cancellables[i]);

  g_clear_handle_id (&self->deferred_source, g_source_remove);
  g_clear_pointer (&self->deferred_files, g_ptr_array_unref);
  g_clear_handle_id (&self->export_toast_source, g_source_remove);
  set_loading (self, FALSE);

  /* Loads that ended unseen: each held the window. */
  apply_pending_loads (self);
}

static void
measures_window_unrealize (GtkWidget *widget)
{
  stop_work (MEASURES_WINDOW (widget));

  GTK_WIDGET_CLASS (measures_window_parent_class)->unrealize (widget);
}

static void
measures_window_dispose (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  stop_work (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->chart_cancellable);
  g_clear_object (&self->export_toast);
  g_clear_pointer (&self->settings_problems, g_strfreev);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->query);
  g_clear_object (&self->datasets);
  g_clear_object (&self->index);
  g_clear_pointer (&self->result, measures_result_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (measures_window_parent_class)->dispose (object);
}

static void
measures_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, measures_window_get_loading (self));
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, get_sort_by (self));
      break;
    case PROP_SHOW_BUNDLED:
      g_value_set_boolean (value, self->show_bundled);
      break;
    case PROP_VIEW:
      g_value_set_string (value, get_view (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      set_sort_by (self, g_value_get_string (value));
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_BUNDLED:
      if (self->show_bundled != g_value_get_boolean (value))
        {
          self->show_bundled = g_value_get_boolean (value);
          self->remember_sources = TRUE;
          save_sources (self);
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_class_init (MeasuresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = measures_window_dispose;
  object_class->get_property = measures_window_get_property;
  object_class->set_property = measures_window_set_property;
  window_class->close_request = measures_window_close_request;
  widget_class->unrealize = measures_window_unrealize;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresWindow:sort-by:
   *
   * The order of the list: "title", "country", "newest", "oldest",
   * "none" for the datasets' order, or one of the column orders such as
   * "title-descending".
   */
  properties[PROP_SHOW_BUNDLED] =
    g_param_spec_boolean ("show-bundled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresWindow:view:
   *
   * What shows the matches: "list" or "overview", the charts.
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_DETAIL_PANE);
  g_type_ensure (MEASURES_TYPE_FILTER_SIDEBAR);
  g_type_ensure (MEASURES_TYPE_OVERVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, filter_sidebar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, title_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, country_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, years_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, type_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, form_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, problem_banner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, overview_view);
  gtk_widget_class_bind_template_callback (widget_class, measure_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_years_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_title_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_country_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_years_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_form_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.settings-details", NULL, settings_details_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.remove-dataset", "s", remove_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.reload-datasets", NULL, reload_datasets_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL, dismiss_problems_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-bundled", "show-bundled");
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
}

static void
measures_window_init (MeasuresWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);

  self->settings = g_settings_new (SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->datasets = g_list_store_new (MEASURES_TYPE_DATASET);
  self->query = measures_query_new ();
  self->results = measures_result_model_new ();
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  self->show_bundled = TRUE;

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  for (guint i = 0; i < G_N_ELEMENTS (self->probe_items); i++)
    {
      self->probe_items[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (self->probe_items[i], "window", self);
    }

  set_column_sorter (self, self->title_column, MEASURES_SORT_TITLE);
  set_column_sorter (self, self->country_column, MEASURES_SORT_COUNTRY);
  set_column_sorter (self, self->years_column, MEASURES_SORT_YEAR);
  set_column_sorter (self, self->type_column, MEASURES_SORT_TYPE);
  set_column_sorter (self, self->form_column, MEASURES_SORT_FORM);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_object_bind_property (self->selection, "selected-item",
                          self->detail_pane, "measure",
                          G_BINDING_SYNC_CREATE);

  measures_filter_sidebar_set_query (self->filter_sidebar, self->query);
  measures_overview_view_set_query (self->overview_view, self->query);
  measures_filter_sidebar_set_datasets (self->filter_sidebar, G_LIST_MODEL (self->datasets));
  g_signal_connect_object (self->settings, "changed::content-language",
                           G_CALLBACK (content_language_changed_cb), self, G_CONNECT_SWAPPED);
  restore_query (self);
  sync_search_entry (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !measures_query_is_empty (self->query));
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "paned-position"));
  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);

  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

MeasuresWindow *
measures_window_new (MeasuresApplication *application)
{
  return g_object_new (MEASURES_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * measures_window_open:
 * @self: a window
 * @files: (array length=n_files) (nullable): datasets to show
 * @n_files: the number of files; 0 opens the bundled dataset
 *
 * Loads the datasets in a thread and shows their measures.
 */
void
measures_window_open (MeasuresWindow *self,
                      GFile * const  *files,
                      guint           n_files)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  g_ptr_array_set_size (self->sources, 0);

  if (n_files == 0)
    {
      /* The bundled measures and the datasets of the last session. */
      g_auto(GStrv) uris = g_settings_get_strv (self->settings, "datasets");

      for (guint i = 0; uris[i] != NULL; i++)
        g_ptr_array_add (self->sources, g_file_new_for_uri (uris[i]));
      self->show_bundled = g_settings_get_boolean (self->settings, "show-bundled");
      self->remember_sources = TRUE;
    }
  else
    {
      /* Files given on the command line replace the bundled measures,
       * and are not kept for the next session unless the user adds to
       * them. */
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->sources, g_object_ref (files[i]));
      self->show_bundled = FALSE;
      self->remember_sources = FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BUNDLED]);
  reload (self);
}

/**
 * measures_window_add_files:
 * @self: a window
 * @files: (array length=n_files): files or folders to show too
 * @n_files: the number of files
 *
 * Adds datasets, as Open… and dropping files do; they are reopened at
 * the next start.
 */
void
measures_window_add_files (MeasuresWindow *self,
                           GFile * const  *files,
                           guint           n_files)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < self->sources->len && !known; k++)
        known = g_file_equal (g_ptr_array_index (self->sources, k), files[i]);
      if (!known)
        g_ptr_array_add (self->sources, g_object_ref (files[i]));
    }

  self->remember_sources = TRUE;
  save_sources (self);
  reload (self);
}

/**
 * measures_window_get_problems:
 *
 * Returns: (transfer none) (element-type MeasuresProblem): what the last
 *   load could not read
 */
GPtrArray *
measures_window_get_problems (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return self->problems;
}

gboolean
measures_window_get_loading (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * measures_window_get_model:
 *
 * Returns: (transfer none): the measures shown, in the order shown
 */
GListModel *
measures_window_get_model (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  catch_up_list (self);

  return G_LIST_MODEL (self->selection);
}

/**
 * measures_window_get_query:
 *
 * Returns: (transfer none): the query that chooses the measures shown
 */
MeasuresQuery *
measures_window_get_query (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return self->query;
}

/**
 * measures_window_select:
 * @self: a window
 * @id: the id of a measure
 *
 * Selects the measure with @id and scrolls the list to it.
 *
 * Returns: %TRUE if a measure with @id is shown
 */
gboolean
measures_window_select (MeasuresWindow *self,
                        const char     *id)
{
  GListModel *model;

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  catch_up_list (self);
  model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
#if GTK_CHECK_VERSION (4, 12, 0)
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_column_view_scroll_to (self->column_view, i, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
          G_GNUC_END_IGNORE_DEPRECATIONS
#endif
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * measures_window_export:
 * @self: a window
 * @file: where to write
 * @single: the selected measure alone, rather than all that match
 * @format: the format
 * @lang: the language of the summary
 *
 * Exports in a thread, as the Export dialog does once a file is chosen;
 * a notification tells how it went.
 */
void
measures_window_export (MeasuresWindow       *self,
                        GFile                *file,
                        gboolean              single,
                        MeasuresExportFormat  format,
                        const char           *lang)
{
  ExportJob *job;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = export_job_new (self, single, format, lang);
  job->file = g_object_ref (file);
  start_export (self, job);
}

/**
 * measures_window_get_exporting:
 *
 * Returns: whether an export is running
 */
gboolean
measures_window_get_exporting (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);

  return self->export_cancellable != NULL;
}
