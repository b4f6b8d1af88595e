/* measures-print-operation.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-print-operation"

#include "config.h"

#include <errno.h>

#include "measures-pages.h"
#include "measures-print-operation.h"

/* Prints the same pages as the PDF export: the core lays them out on
 * the print context's Pango context, in points, from the paper's edge.
 * Print settings and page setup are kept in the user's config folder. */
struct _MeasuresPrintOperation
{
  GtkPrintOperation parent_instance;

  MeasuresSummary *summary;
  MeasuresPages *pages;
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

  G_OBJECT_CLASS (measures_print_operation_parent_class)->finalize (object);
}

static void
measures_print_operation_class_init (MeasuresPrintOperationClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = measures_print_operation_finalize;
  operation_class->begin_print = measures_print_operation_begin_print;
  operation_class->draw_page = measures_print_operation_draw_page;
  operation_class->end_print = measures_print_operation_end_print;
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
