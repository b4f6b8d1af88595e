/* measures-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-detail-pane.h"
#include "measures-loader.h"
#include "measures-text.h"
#include "measures-window.h"

/* The model chain, from the records to the view:
 *
 *   GListStore (MeasuresMeasure, all loaded records)
 *     → GtkFilterListModel (MeasuresQuery through a GtkCustomFilter)
 *       → GtkSortListModel (the column view's sorter)
 *         → GtkSingleSelection → GtkColumnView, and its selected item
 *                                → MeasuresDetailPane:measure
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
  GtkListBox *dataset_list;
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
  MeasuresDetailPane *detail_pane;

  /* Owned references */
  GSettings *settings;
  GListStore *store;
  GListStore *datasets;
  MeasuresQuery *query;
  GtkCustomFilter *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  GCancellable *cancellable;

  /* State */
  guint loading : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const *
content_languages (void)
{
  return g_get_language_names ();
}

static void
set_loading (MeasuresWindow *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  if (loading)
    { GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self)); if (app != NULL) g_application_mark_busy (G_APPLICATION (app)); }
  else
    { GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self)); if (app != NULL) g_application_unmark_busy (G_APPLICATION (app)); }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Cells */

/* Cells ellipsize, so their width-chars sets how narrow a column may get;
 * the columns that expand share whatever room is left. */
static GtkWidget *
cell_label (GtkListItem *item,
            int          width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_list_item_set_child (item, label);

  return label;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cell_label (item, 9);
}

static void
setup_years_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 8);

  gtk_widget_add_css_class (label, "numeric");
}

static void
setup_title_cell_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = cell_label (item, 18);

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
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Long values are cut short in the list; the tooltip gives them whole. */
static void
set_long_cell_text (GtkListItem *item,
                    const char  *text)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  set_long_cell_text (item, measures_measure_resolve_title (item_measure (item), content_languages ()));
}

static void
bind_country_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  set_cell_text (item, measures_measure_get_country (item_measure (item)));
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
             const char * const *values)
{
  g_autofree char *text = g_strjoinv ("; ", (char **) values);

  set_long_cell_text (item, text);
}

static void
bind_type_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  bind_joined (item, measures_measure_get_types (item_measure (item)));
}

static void
bind_form_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  bind_joined (item, measures_measure_get_forms (item_measure (item)));
}

/* Sorting: titles and countries by the locale's collation. */

static int
compare_collated (const char *a,
                  const char *b)
{
  g_autofree char *key_a = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *key_b = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (key_a, key_b);
}

static int
compare_title (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_collated (measures_measure_resolve_title ((MeasuresMeasure *) a, content_languages ()),
                           measures_measure_resolve_title ((MeasuresMeasure *) b, content_languages ()));
}

static int
compare_country (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return compare_collated (measures_measure_get_country ((MeasuresMeasure *) a),
                           measures_measure_get_country ((MeasuresMeasure *) b));
}

/* Oldest first; records without a year come last. */
static int
compare_years (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int from_a = measures_measure_get_year_from ((MeasuresMeasure *) a);
  int from_b = measures_measure_get_year_from ((MeasuresMeasure *) b);
  int to_a = measures_measure_get_year_to ((MeasuresMeasure *) a);
  int to_b = measures_measure_get_year_to ((MeasuresMeasure *) b);

  if (from_a != from_b)
    {
      if (from_a == MEASURES_YEAR_NONE)
        return 1;
      if (from_b == MEASURES_YEAR_NONE)
        return -1;
      return from_a < from_b ? -1 : 1;
    }

  /* An open period ends after any closed one. */
  to_a = to_a == MEASURES_YEAR_NONE ? G_MAXINT : to_a;
  to_b = to_b == MEASURES_YEAR_NONE ? G_MAXINT : to_b;

  return (to_a > to_b) - (to_a < to_b);
}

static int
compare_joined (const char * const *a,
                const char * const *b)
{
  g_autofree char *joined_a = g_strjoinv ("; ", (char **) a);
  g_autofree char *joined_b = g_strjoinv ("; ", (char **) b);

  return compare_collated (joined_a, joined_b);
}

static int
compare_type (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_joined (measures_measure_get_types ((MeasuresMeasure *) a),
                         measures_measure_get_types ((MeasuresMeasure *) b));
}

static int
compare_form (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_joined (measures_measure_get_forms ((MeasuresMeasure *) a),
                         measures_measure_get_forms ((MeasuresMeasure *) b));
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* Filtering */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MeasuresWindow *self = user_data;

  return measures_query_matches (self->query, item);
}

static void
update_view (MeasuresWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
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

  if (shown == total)
    /* Translators: the window subtitle; %u is the number of measures */
    subtitle = g_strdup_printf (ngettext ("%u measure", "%u measures", total), total);
  else
    /* Translators: the window subtitle while searching */
    subtitle = g_strdup_printf (ngettext ("%u of %u measure", "%u of %u measures", total),
                                shown, total);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");
}

static void
search_changed_cb (MeasuresWindow *self,
                   GtkSearchEntry *entry)
{
  measures_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (entry)));
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
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

/* Datasets in the sidebar */

static GtkWidget *
create_dataset_row (gpointer item,
                    gpointer user_data)
{
  MeasuresDataset *dataset = item;
  guint n = measures_dataset_get_n_measures (dataset);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (measures_dataset_get_name (dataset));
  g_autofree char *count_text = g_strdup_printf ("%u", n);
  GtkWidget *count = gtk_label_new (count_text);
  g_autofree char *description =
    /* Translators: describes a dataset in the sidebar to screen readers */
    g_strdup_printf (ngettext ("%u measure", "%u measures", n), n);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, measures_dataset_get_name (dataset));
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return row;
}

/* Loading */

static void
show_problems (MeasuresWindow *self,
               GPtrArray      *problems)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  /* Translators: a notification after loading; %u is a number */
  title = g_strdup_printf (ngettext ("%u problem while reading the measures",
                                     "%u problems while reading the measures",
                                     problems->len),
                           problems->len);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  datasets = measures_loader_load_finish (result, &error);
  if (datasets == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Loading failed: %s", error->message);
      return;
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  measures = measures_datasets_merge (datasets, problems);

  g_list_store_splice (self->datasets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->datasets)),
                       datasets->pdata, datasets->len);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       measures->pdata, measures->len);

  set_loading (self, FALSE);

  if (measures->len == 0 && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

          g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
        }

      adw_status_page_set_description (self->error_page, text->str);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (problems->len > 0)
    show_problems (self, problems);

  update_view (self);
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
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Window state */

static void
save_window_state (MeasuresWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
}

static gboolean
measures_window_close_request (GtkWindow *window)
{
  save_window_state (MEASURES_WINDOW (window));

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

static void
measures_window_dispose (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->query);
  g_clear_object (&self->datasets);
  g_clear_object (&self->store);
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
  window_class->close_request = measures_window_close_request;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_DETAIL_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, dataset_list);
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
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, detail_pane);
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
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
}

static void
measures_window_init (MeasuresWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->store = g_list_store_new (MEASURES_TYPE_MEASURE);
  self->datasets = g_list_store_new (MEASURES_TYPE_DATASET);
  self->query = measures_query_new ();

  set_column_sorter (self->title_column, compare_title);
  set_column_sorter (self->country_column, compare_country);
  set_column_sorter (self->years_column, compare_years);
  set_column_sorter (self->type_column, compare_type);
  set_column_sorter (self->form_column, compare_form);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_object_bind_property (self->selection, "selected-item",
                          self->detail_pane, "measure",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->dataset_list, G_LIST_MODEL (self->datasets),
                           create_dataset_row, self, NULL);

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
  g_autoptr(GFile) bundled = NULL;

  g_return_if_fail (MEASURES_IS_WINDOW (self));

  if (n_files == 0)
    {
      bundled = measures_loader_get_bundled_file ();
      files = &bundled;
      n_files = 1;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");

  measures_loader_load_async (files, n_files, self->cancellable, load_cb, g_object_ref (self));
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

  model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
#if GTK_CHECK_VERSION (4, 12, 0)
          gtk_column_view_scroll_to (self->column_view, i, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
#endif
          return TRUE;
        }
    }

  return FALSE;
}
