<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>DocumentFiles</name>
    <message>
        <source>File Changed on Disk</source>
        <extracomment>A tab was saved to its (possibly new) path. A tab's file changed on disk and the user wants it read again.</extracomment>
        <translation>Filen har ändrats på disken</translation>
    </message>
    <message>
        <source>“{file}” was changed by another program after you opened it. Overwrite those changes with your version?</source>
        <translation>”{file}” har ändrats av ett annat program sedan du öppnade den. Vill du skriva över de ändringarna med din version?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Skriv över</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Spara som…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Cannot Save File</source>
        <translation>Filen kunde inte sparas</translation>
    </message>
    <message>
        <source>“{file}” is open in another tab. Close it first or choose another name.</source>
        <translation>”{file}” är öppen i en annan flik. Stäng den först eller välj ett annat namn.</translation>
    </message>
    <message>
        <source>Export BPMN</source>
        <translation>Exportera BPMN</translation>
    </message>
    <message>
        <source>Exported to “{file}”.</source>
        <translation>Exporterat till ”{file}”.</translation>
    </message>
    <message>
        <source>Saved “{file}”.</source>
        <translation>Sparade ”{file}”.</translation>
    </message>
    <message>
        <source>BPMN files (*.bpmn)</source>
        <translation>BPMN-filer (*.bpmn)</translation>
    </message>
    <message>
        <source>“{folder}” holds the standard processes, which are read-only. Save your version in another folder.</source>
        <translation>”{folder}” innehåller standardprocesserna, som är skrivskyddade. Spara din version i en annan mapp.</translation>
    </message>
    <message>
        <source>You do not have permission to write there.</source>
        <translation>Du har inte behörighet att skriva där.</translation>
    </message>
    <message>
        <source>“{file}” could not be saved. The file on disk was not changed.</source>
        <translation>Det gick inte att spara ”{file}”. Filen på disken har inte ändrats.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “{file}”?

Your changes are lost if you do not save them.</source>
        <translation>Vill du spara ändringarna i ”{file}”?

Dina ändringar går förlorade om du inte sparar dem.</translation>
    </message>
    <message>
        <source>File Deleted</source>
        <translation>Filen har tagits bort</translation>
    </message>
    <message>
        <source>“{file}” was deleted or moved by another program. The diagram stays open here; save it to keep it.</source>
        <translation>”{file}” har tagits bort eller flyttats av ett annat program. Diagrammet är fortfarande öppet här; spara det för att behålla det.</translation>
    </message>
    <message>
        <source>“{file}” was changed by another program.</source>
        <translation>”{file}” har ändrats av ett annat program.</translation>
    </message>
    <message>
        <source>“{file}” was changed by another program. Reload it?</source>
        <translation>”{file}” har ändrats av ett annat program. Vill du läsa in den igen?</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <source>Diagram {number}</source>
        <translation>Diagram {number}</translation>
    </message>
    <message>
        <source>Untitled {number}</source>
        <translation>Namnlös {number}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Namnlös</translation>
    </message>
    <message>
        <source>{file} (read-only)</source>
        <translation>{file} (skrivskyddad)</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Standard processes</source>
        <extracomment>The user chose a process to open (read-only).</extracomment>
        <translation>Standardprocesser</translation>
    </message>
    <message>
        <source>No standard processes found</source>
        <translation>Inga standardprocesser hittades</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zooma &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zooma &amp;ut</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Anpassa till fönster</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Verklig storlek</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;About Process Mapper…</source>
        <translation>&amp;Om Process Mapper…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Senaste &amp;filer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Standard &amp;Processes</source>
        <translation>Standard&amp;processer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Process Mapper.</source>
        <translation>Det nya språket används nästa gång du startar Process Mapper.</translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <extracomment>Issues listed in the tooltip of the status bar's issue count. Width of the library dock until the user resizes it: room for a process title.</extracomment>
        <translation>Automatisk sparning misslyckades: {reason}</translation>
    </message>
    <message>
        <source>Draw a new process with File &gt; New, open a BPMN file with File &gt; Open…, drop one on this window, or double-click a standard process in the list.</source>
        <translation>Rita en ny process med Arkiv &gt; Ny, öppna en BPMN-fil med Arkiv &gt; Öppna…, släpp en fil i det här fönstret eller dubbelklicka på en standardprocess i listan.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <source>&amp;BPMN…</source>
        <translation>&amp;BPMN…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Förhands&amp;granska utskrift…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Rensa listan</translation>
    </message>
    <message>
        <source>Open BPMN File</source>
        <translation>Öppna BPMN-fil</translation>
    </message>
    <message>
        <source>BPMN files (*.bpmn *.xml);;All files (*)</source>
        <translation>BPMN-filer (*.bpmn *.xml);;Alla filer (*)</translation>
    </message>
    <message>
        <source>This file has no diagram to show.</source>
        <translation>Filen innehåller inget diagram att visa.</translation>
    </message>
    <message>
        <source>New process</source>
        <translation>Ny process</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Filen finns inte.</translation>
    </message>
    <message>
        <source>You do not have permission to read the file.</source>
        <translation>Du har inte behörighet att läsa filen.</translation>
    </message>
    <message>
        <source>“{file}” could not be opened.</source>
        <translation>Det gick inte att öppna ”{file}”.</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Filen kunde inte öppnas</translation>
    </message>
    <message>
        <source>About Process Mapper</source>
        <translation>Om Process Mapper</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Process Mapper {version}&lt;/h3&gt;&lt;p&gt;Map your care processes in BPMN 2.0 and compare them with the region's standard processes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Process Mapper {version}&lt;/h3&gt;&lt;p&gt;Beskriv era vårdprocesser i BPMN 2.0 och jämför dem med regionens standardprocesser.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n import issue(s)</source>
        <translation>
            <numerusform>%n problem vid import</numerusform>
            <numerusform>%n problem vid import</numerusform>
        </translation>
    </message>
    <message>
        <source>No import issues</source>
        <translation>Inga problem vid import</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>och %n till</numerusform>
            <numerusform>och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Language names are written in their own language, never translated.</extracomment>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>A new language is used the next time you start Process Mapper.</source>
        <translation>Ett nytt språk används nästa gång du startar Process Mapper.</translation>
    </message>
    <message>
        <source>&amp;Autosave unsaved diagrams every:</source>
        <translation>Spara osparade diagram &amp;automatiskt var:</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Unsaved Diagrams</source>
        <translation>Återställ osparade diagram</translation>
    </message>
    <message>
        <source>Process Mapper did not quit properly last time. These diagrams had unsaved changes and were saved automatically. Restore the ones you want to keep; the others are discarded.</source>
        <translation>Process Mapper avslutades inte korrekt förra gången. De här diagrammen hade osparade ändringar och sparades automatiskt. Återställ dem du vill behålla; de övriga tas bort.</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>aldrig sparad</translation>
    </message>
    <message>
        <source>{title} — autosaved {time} ({file})</source>
        <translation>{title} – sparad automatiskt {time} ({file})</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation>&amp;Ta bort alla</translation>
    </message>
</context>
</TS>
