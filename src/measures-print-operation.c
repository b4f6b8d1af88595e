/* measures-print-operation.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-print-operation"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include <adwaita.h>

#include "measures-pages.h"
#include "measures-print-operation.h"
#include "measures-text.h"

/* Prints the same pages as the PDF export: the core lays them out on
 * the print context's Pango context, in points, from the paper's edge.
 * Print settings and page setup are kept in the user's config folder. */
struct _MeasuresPrintOperation
{
  GtkPrintOperation parent_instance;

  MeasuresSummary *summary;
  MeasuresPages *pages;

  /* What to print, chosen in the print dialog's own tab: the measures
   * that match, or the selected ones; the summary is made once chosen. */
  GPtrArray *matching;
  MeasuresMeasure *selected;
  GPtrArray *selection;        /* several selected, when they are */
  MeasuresQuery *query;
  char *lang;
  MeasuresSummaryOptions *options; /* the matrix and the map of the matches */
  GtkCheckButton *selected_button;
  gboolean single;
};

G_DEFINE_FINAL_TYPE (MeasuresPrintOperation, measures_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "measures", "print.ini", NULL);
}

static void
measures_print_operation_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (operation);
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  if (self->summary == NULL)
    {
      g_autoptr(GPtrArray) chosen = measures_print_operation_dup_chosen (self);

      self->summary = measures_summary_new_full (chosen, self->query,
                                                 self->single && self->selected != NULL && self->selection == NULL,
                                                 self->lang, NULL, self->options);
    }

  g_clear_pointer (&self->pages, measures_pages_free);
  self->pages = measures_pages_new (self->summary, pango,
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, measures_pages_get_n_pages (self->pages));
}

static void
measures_print_operation_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (operation);

  measures_pages_draw (self->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
measures_print_operation_end_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  g_clear_pointer (&MEASURES_PRINT_OPERATION (operation)->pages, measures_pages_free);
}

static void
measures_print_operation_finalize (GObject *object)
{
  MeasuresPrintOperation *self = (MeasuresPrintOperation *)object;

  g_clear_pointer (&self->pages, measures_pages_free);
  g_clear_pointer (&self->summary, measures_summary_free);
  g_clear_pointer (&self->matching, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_object (&self->query);
  g_clear_pointer (&self->options, measures_summary_options_free);
  g_free (self->lang);

  G_OBJECT_CLASS (measures_print_operation_parent_class)->finalize (object);
}

/* Preview, in a window of our own rather than an external previewer,
 * which most systems do not have: the same pages as printing, one at a
 * time, white on the window's background, with the page's number. */
typedef struct
{
  GtkPrintOperation *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext *context;
  GtkWidget *area;
  GtkLabel *label;
  GtkWidget *previous;
  GtkWidget *next;
  int page;
  int n_pages;
} Preview;

static void
preview_free (gpointer data)
{
  Preview *self = data;

  gtk_print_operation_preview_end_preview (self->preview);
  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->operation);
  g_free (self);
}

static void
preview_show_page (Preview *self)
{
  /* Translators: in the print preview, "Page 2 of 7" */
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), self->page + 1, MAX (self->n_pages, 1));

  gtk_label_set_text (self->label, text);
  gtk_widget_set_sensitive (self->previous, self->page > 0);
  gtk_widget_set_sensitive (self->next, self->page + 1 < self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (self->area);
}

static void
preview_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  Preview *self = data;
  double page_width = gtk_print_context_get_width (self->context);
  double page_height = gtk_print_context_get_height (self->context);
  double scale;

  if (self->n_pages <= 0 || page_width <= 0 || page_height <= 0)
    return;

  scale = MIN ((width - 24) / page_width, (height - 24) / page_height);
  if (scale <= 0)
    return;

  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_fill (cr);

  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (self->preview, self->page);
}

static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  Preview                  *self)
{
  g_object_get (self->operation, "n-pages", &self->n_pages, NULL);
  preview_show_page (self);
}

static void
preview_step_cb (GtkButton *button,
                 Preview   *self)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));

  self->page = CLAMP (self->page + step, 0, MAX (self->n_pages - 1, 0));
  preview_show_page (self);
}

static GtkWidget *
preview_button (Preview    *self,
                const char *icon,
                const char *tooltip,
                int         step)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (preview_step_cb), self);

  return button;
}

static gboolean
measures_print_operation_preview (GtkPrintOperation        *operation,
                                  GtkPrintOperationPreview *preview,
                                  GtkPrintContext          *context,
                                  GtkWindow                *parent)
{
  Preview *self = g_new0 (Preview, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  self->operation = g_object_ref (operation);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);

  /* Laying the pages out needs a cairo context before any is drawn:
   * one of its own until the window draws. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  self->label = GTK_LABEL (label);
  self->previous = preview_button (self, "go-previous-symbolic", _("Previous Page"), -1);
  self->next = preview_button (self, "go-next-symbolic", _("Next Page"), 1);
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), preview_draw, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), label);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->previous);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->next);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_widget_add_css_class (window, "print-preview");
  /* Translators: the title of the print preview's window */
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 820);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_object_set_data_full (G_OBJECT (window), "preview", self, preview_free);

  g_signal_connect (preview, "ready", G_CALLBACK (preview_ready_cb), self);
  preview_show_page (self);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

/* The print dialog's tab "Measures": all that match, or the selected. */
static GtkWidget *
measures_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *all_label = NULL;
  g_autofree char *count = NULL;
  GtkWidget *all;

  if (self->matching == NULL)
    return NULL;

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  count = measures_text_format_count (self->matching->len);
  /* Translators: a choice in the print dialog; %s is a number, with the
   * locale's digit grouping */
  all_label = g_strdup_printf (ngettext ("The %s matching measure", "All %s matching measures", self->matching->len),
                               count);
  all = gtk_check_button_new_with_label (all_label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (all), !self->single);
  gtk_box_append (GTK_BOX (box), all);

  if (self->selection != NULL)
    {
      /* Translators: a choice in the print dialog; %u is how many */
      g_autofree char *label = g_strdup_printf (ngettext ("The %u selected measure", "The %u selected measures",
                                                          self->selection->len),
                                                self->selection->len);
      GtkWidget *several = gtk_check_button_new_with_label (label);

      gtk_check_button_set_group (GTK_CHECK_BUTTON (several), GTK_CHECK_BUTTON (all));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (several), self->single);
      gtk_box_append (GTK_BOX (box), several);
      self->selected_button = GTK_CHECK_BUTTON (several);
    }
  else if (self->selected != NULL)
    {
      g_auto(GStrv) langs = g_strsplit (self->lang, ":", -1);
      const char *title = measures_measure_resolve_title (self->selected, (const char * const *) langs);
      /* Translators: a choice in the print dialog; %s is the title of a measure */
      g_autofree char *label = g_strdup_printf (_("The selected measure: %s"), title != NULL ? title : "");
      GtkWidget *one = gtk_check_button_new_with_label (label);

      gtk_label_set_wrap (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (one))), TRUE);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (one), GTK_CHECK_BUTTON (all));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (one), self->single);
      gtk_box_append (GTK_BOX (box), one);
      self->selected_button = GTK_CHECK_BUTTON (one);
    }

  return box;
}

static void
measures_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                              GtkWidget         *widget)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (operation);

  self->single = self->selected_button != NULL && gtk_check_button_get_active (self->selected_button) &&
                 (self->selected != NULL || self->selection != NULL);
  g_clear_pointer (&self->summary, measures_summary_free);
}

static void
measures_print_operation_class_init (MeasuresPrintOperationClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = measures_print_operation_finalize;
  operation_class->begin_print = measures_print_operation_begin_print;
  operation_class->draw_page = measures_print_operation_draw_page;
  operation_class->end_print = measures_print_operation_end_print;
  operation_class->create_custom_widget = measures_print_operation_create_custom_widget;
  operation_class->preview = measures_print_operation_preview;
  operation_class->custom_widget_apply = measures_print_operation_custom_widget_apply;
}

static void
measures_print_operation_init (MeasuresPrintOperation *self)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();

  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);

  /* A missing or damaged file means the defaults. */
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);

      if (settings != NULL)
        gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
      if (setup != NULL)
        gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
    }
}

/**
 * measures_print_operation_new:
 * @summary: (transfer full): what to print
 */
MeasuresPrintOperation *
measures_print_operation_new (MeasuresSummary *summary)
{
  MeasuresPrintOperation *self = g_object_new (MEASURES_TYPE_PRINT_OPERATION, NULL);

  self->summary = summary;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), summary->title);

  return self;
}

/**
 * measures_print_operation_new_choice:
 * @matching: (element-type MeasuresMeasure): the measures that match,
 *   in the order shown
 * @selected: (nullable): the selected measure
 * @single: whether the selected measure alone is offered first
 * @query: the query, for the summary's cover
 * @lang: the summary's language
 *
 * Prints the matches or the selected measure, as the user chooses in the
 * print dialog's "Measures" tab.
 */
MeasuresPrintOperation *
measures_print_operation_new_choice (GPtrArray       *matching,
                                     MeasuresMeasure *selected,
                                     gboolean         single,
                                     MeasuresQuery   *query,
                                     const char      *lang)
{
  MeasuresPrintOperation *self = g_object_new (MEASURES_TYPE_PRINT_OPERATION, NULL);

  self->matching = g_ptr_array_ref (matching);
  self->selected = selected != NULL ? g_object_ref (selected) : NULL;
  self->single = single && selected != NULL;
  self->query = g_object_ref (query);
  self->lang = g_strdup (lang);
  /* Translators: the tab of the print dialog that chooses what to print */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Measures"));
  /* Translators: the name of a print job */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Measures summary"));

  return self;
}

/**
 * measures_print_operation_set_selection:
 * @selection: (element-type MeasuresMeasure): the measures selected, in
 *   the order shown, when there are several
 *
 * For an operation of measures_print_operation_new_choice(): the choice
 * of the selection prints a summary of all of them, offered first.
 */
void
measures_print_operation_set_selection (MeasuresPrintOperation *self,
                                        GPtrArray              *selection)
{
  g_return_if_fail (MEASURES_IS_PRINT_OPERATION (self));
  g_return_if_fail (selection != NULL && selection->len > 1);

  g_clear_pointer (&self->selection, g_ptr_array_unref);
  self->selection = g_ptr_array_ref (selection);
  self->single = TRUE;
  g_clear_pointer (&self->summary, measures_summary_free);
}

/**
 * measures_print_operation_dup_chosen:
 *
 * Returns: (transfer container) (element-type MeasuresMeasure): the
 *   measures that would be printed as the print dialog's tab stands:
 *   the matches, the selected measure or the selected measures
 */
GPtrArray *
measures_print_operation_dup_chosen (MeasuresPrintOperation *self)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *from = NULL;

  g_return_val_if_fail (MEASURES_IS_PRINT_OPERATION (self), chosen);

  if (self->single && self->selection != NULL)
    from = self->selection;
  else if (self->single && self->selected != NULL)
    g_ptr_array_add (chosen, g_object_ref (self->selected));
  else
    from = self->matching;
  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (from, i)));

  return chosen;
}

/**
 * measures_print_operation_set_summary_options:
 * @options: (nullable): what a summary of the matches carries beyond its
 *   charts, counts and contents; copied
 *
 * For an operation of measures_print_operation_new_choice(); one measure
 * printed alone carries neither the matrix nor the map.
 */
void
measures_print_operation_set_summary_options (MeasuresPrintOperation       *self,
                                              const MeasuresSummaryOptions *options)
{
  g_return_if_fail (MEASURES_IS_PRINT_OPERATION (self));

  g_clear_pointer (&self->options, measures_summary_options_free);
  if (options != NULL)
    self->options = measures_summary_options_copy (options);
}

/**
 * measures_print_operation_save:
 *
 * Keeps the print settings and page setup the user chose, for next time.
 * The file is replaced whole, through a temporary file.
 */
void
measures_print_operation_save (MeasuresPrintOperation *self)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not keep the print settings: %s", error != NULL ? error->message : g_strerror (errno));
}
