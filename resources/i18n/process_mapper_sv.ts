<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>CanvasEditor</name>
    <message>
        <source>Drag to connect</source>
        <extracomment>The tools that are not a palette kind. The MIME type of a palette entry dragged onto the canvas: the tool&apos;s text. How far an arrow key moves the selection (with Shift: the fine step). Resize handles and the connect handle, in screen pixels. Where a paste goes when the mouse is not over the canvas: this far from the copied shapes. The active tool changed: ``select``, ``connect``, ``participant``, ``lane`` or a shape kind.</extracomment>
        <translation>Dra för att koppla</translation>
    </message>
    <message>
        <source>Edit Label</source>
        <translation>Redigera etikett</translation>
    </message>
    <message>
        <source>Change Type</source>
        <translation>Ändra typ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>Lägg till simbana</translation>
    </message>
    <message>
        <source>Add Lane Above</source>
        <translation>Lägg till simbana ovanför</translation>
    </message>
    <message>
        <source>Add Lane Below</source>
        <translation>Lägg till simbana nedanför</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>Flytta simbana uppåt</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>Flytta simbana nedåt</translation>
    </message>
    <message>
        <source>Remove Lane</source>
        <translation>Ta bort simbana</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Show the changes of one category</source>
        <extracomment>The user chose the change with this id (&apos;&apos; when a group or nothing is chosen).</extracomment>
        <translation>Visa ändringarna i en kategori</translation>
    </message>
    <message>
        <source>Show the changes of one severity</source>
        <translation>Visa ändringarna med en viss allvarlighetsgrad</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alla allvarlighetsgrader</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Inga skillnader</translation>
    </message>
    <message>
        <source>All categories ({count})</source>
        <translation>Alla kategorier ({count})</translation>
    </message>
    <message>
        <source>Decisions that cannot be placed ({count})</source>
        <translation>Beslut som inte kan placeras ({count})</translation>
    </message>
    <message>
        <source>These decisions were recorded on changes that are not found in the processes as they are now. They are kept in the comparison file.</source>
        <translation>De här besluten fattades om ändringar som inte längre finns i processerna som de ser ut nu. De sparas kvar i jämförelsefilen.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare with a Standard</source>
        <extracomment>Room for a standard&apos;s title and the one-line reason of the suggestion under the list.</extracomment>
        <translation>Jämför med en standard</translation>
    </message>
    <message>
        <source>Other File…</source>
        <translation>Annan fil…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Jämför</translation>
    </message>
    <message>
        <source>Standard process:</source>
        <translation>Standardprocess:</translation>
    </message>
    <message>
        <source>No suggestion: the local process cannot be read. {reason}</source>
        <translation>Inget förslag: den lokala processen kan inte läsas. {reason}</translation>
    </message>
    <message>
        <source>No suggestion: the library is empty or the local process has no named steps.</source>
        <translation>Inget förslag: biblioteket är tomt eller så har den lokala processen inga namngivna steg.</translation>
    </message>
    <message>
        <source>Closest in wording: {title} — no local step has a clear counterpart</source>
        <translation>Närmast i ordval: {title} — inget lokalt steg har en tydlig motsvarighet</translation>
    </message>
    <message numerus="yes">
        <source>Fits best: {title} — {matched} of %n local step(s) have a counterpart</source>
        <translation>
            <numerusform>Passar bäst: {title} — {matched} av %n lokalt steg har en motsvarighet</numerusform>
            <numerusform>Passar bäst: {title} — {matched} av %n lokala steg har en motsvarighet</numerusform>
        </translation>
    </message>
    <message>
        <source>Local process:</source>
        <translation>Lokal process:</translation>
    </message>
    <message>
        <source>{title} ({version})</source>
        <translation>{title} ({version})</translation>
    </message>
    <message>
        <source>Choose the Standard Process</source>
        <translation>Välj standardprocessen</translation>
    </message>
    <message>
        <source>BPMN files ({patterns})</source>
        <translation>BPMN-filer ({patterns})</translation>
    </message>
    <message>
        <source>Choose the Local Process</source>
        <translation>Välj den lokala processen</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Cannot Compare</source>
        <translation>Det går inte att jämföra</translation>
    </message>
    <message>
        <source>Open Comparison</source>
        <translation>Öppna jämförelse</translation>
    </message>
    <message>
        <source>Cannot Open Comparison</source>
        <translation>Det går inte att öppna jämförelsen</translation>
    </message>
    <message>
        <source>Locate File?</source>
        <translation>Leta upp filen?</translation>
    </message>
    <message>
        <source>Do you want to locate the file?</source>
        <translation>Vill du leta upp filen?</translation>
    </message>
    <message>
        <source>Comparisons (*{suffix});;All files (*)</source>
        <extracomment>Zoom of both diagrams when workshop mode focuses a change. Text and marks in workshop mode are this much larger. Marker of the counterpart of the step under the mouse. Marker of the elements of the chosen change. Diagrams this many times wider than high are stacked when the window opens. Width of the changes dock until the user resizes it. The change list&apos;s formats; the first is the default.</extracomment>
        <translation>Jämförelser (*{suffix});;Alla filer (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Standard:&lt;/b&gt; {name}</source>
        <translation>&lt;b&gt;Standard:&lt;/b&gt; {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Local:&lt;/b&gt; {name}</source>
        <translation>&lt;b&gt;Lokal:&lt;/b&gt; {name}</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ändringar</translation>
    </message>
    <message>
        <source>&amp;Save Comparison</source>
        <translation>&amp;Spara jämförelse</translation>
    </message>
    <message>
        <source>Save Comparison &amp;As…</source>
        <translation>Spara jämförelse s&amp;om…</translation>
    </message>
    <message>
        <source>Export &amp;Report (PDF)…</source>
        <translation>Exportera &amp;rapport (PDF)…</translation>
    </message>
    <message>
        <source>Export Change &amp;List…</source>
        <translation>Exportera ändrings&amp;lista…</translation>
    </message>
    <message>
        <source>The changes with their decisions as an Excel workbook or a CSV file, for action planning</source>
        <translation>Ändringarna med sina beslut som Excel-arbetsbok eller CSV-fil, för handlingsplanen</translation>
    </message>
    <message>
        <source>Print Report Pre&amp;view…</source>
        <translation>&amp;Förhandsgranska rapport…</translation>
    </message>
    <message>
        <source>&amp;Print Report…</source>
        <translation>Skriv &amp;ut rapport…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>&amp;Föregående ändring</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Nästa ändring</translation>
    </message>
    <message>
        <source>&amp;Link Steps</source>
        <translation>&amp;Koppla ihop steg</translation>
    </message>
    <message>
        <source>Pair the step selected in the standard with the step selected in the local process</source>
        <translation>Para ihop steget som är markerat i standarden med steget som är markerat i den lokala processen</translation>
    </message>
    <message>
        <source>&amp;Unlink Steps</source>
        <translation>Koppla &amp;isär steg</translation>
    </message>
    <message>
        <source>Tell the comparison that the selected steps are not the same step</source>
        <translation>Ange att de markerade stegen inte är samma steg</translation>
    </message>
    <message>
        <source>S&amp;tack Diagrams</source>
        <translation>&amp;Stapla diagrammen</translation>
    </message>
    <message>
        <source>Standard on top and local below, for wide processes</source>
        <translation>Standarden överst och den lokala processen under, för breda processer</translation>
    </message>
    <message>
        <source>&amp;Synchronise Pan and Zoom</source>
        <translation>S&amp;ynkronisera panorering och zoom</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Anpassa till fönstret</translation>
    </message>
    <message>
        <source>&amp;Workshop Mode</source>
        <translation>&amp;Workshopläge</translation>
    </message>
    <message>
        <source>Full screen, one change at a time; arrow keys step, Escape leaves</source>
        <translation>Helskärm, en ändring i taget; piltangenterna bläddrar, Esc avslutar</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Nästa ändring</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Föregående ändring</translation>
    </message>
    <message>
        <source>Leave Workshop Mode</source>
        <translation>Lämna workshopläget</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>Ä&amp;ndringar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Jämför</translation>
    </message>
    <message>
        <source>&lt;b&gt;{matched}&lt;/b&gt; of {steps} standard steps matched</source>
        <translation>&lt;b&gt;{matched}&lt;/b&gt; av {steps} steg i standarden har en motsvarighet</translation>
    </message>
    <message>
        <source>&lt;b&gt;{must}&lt;/b&gt; must change</source>
        <translation>&lt;b&gt;{must}&lt;/b&gt; måste ändras</translation>
    </message>
    <message>
        <source>{changes} changes: {categories}</source>
        <translation>{changes} ändringar: {categories}</translation>
    </message>
    <message>
        <source>no differences</source>
        <translation>inga skillnader</translation>
    </message>
    <message>
        <source>&lt;b&gt;{open}&lt;/b&gt; of {changes} decisions open</source>
        <translation>&lt;b&gt;{open}&lt;/b&gt; av {changes} beslut återstår</translation>
    </message>
    <message>
        <source>The standard process file has changed since this comparison was saved.</source>
        <translation>Filen med standardprocessen har ändrats sedan jämförelsen sparades.</translation>
    </message>
    <message>
        <source>The local process file has changed since this comparison was saved.</source>
        <translation>Filen med den lokala processen har ändrats sedan jämförelsen sparades.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) no longer fit a current change. They are listed under “Decisions that cannot be placed” and kept in the comparison file.</source>
        <translation>
            <numerusform>%n beslut passar inte längre någon aktuell ändring. Det visas under ”Beslut som inte kan placeras” och sparas kvar i jämförelsefilen.</numerusform>
            <numerusform>%n beslut passar inte längre någon aktuell ändring. De visas under ”Beslut som inte kan placeras” och sparas kvar i jämförelsefilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) name a step that no longer exists; they are kept but not applied.</source>
        <translation>
            <numerusform>%n koppling gäller ett steg som inte längre finns; den sparas men används inte.</numerusform>
            <numerusform>%n kopplingar gäller steg som inte längre finns; de sparas men används inte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved comparison</source>
        <translation>Osparad jämförelse</translation>
    </message>
    <message>
        <source>{name}[*] – {standard} and {local}</source>
        <translation>{name}[*] – {standard} och {local}</translation>
    </message>
    <message>
        <source>in the local process</source>
        <translation>i den lokala processen</translation>
    </message>
    <message>
        <source>in the standard</source>
        <translation>i standarden</translation>
    </message>
    <message>
        <source>Paired with {names} {where}</source>
        <translation>Parat med {names} {where}</translation>
    </message>
    <message>
        <source>Why: {reason} (confidence {score:.0%})</source>
        <translation>Varför: {reason} (säkerhet {score:.0%})</translation>
    </message>
    <message>
        <source>No counterpart in the local process</source>
        <translation>Ingen motsvarighet i den lokala processen</translation>
    </message>
    <message>
        <source>No counterpart in the standard</source>
        <translation>Ingen motsvarighet i standarden</translation>
    </message>
    <message>
        <source>No change chosen.</source>
        <translation>Ingen ändring vald.</translation>
    </message>
    <message>
        <source>Change {number} of {count}</source>
        <translation>Ändring {number} av {count}</translation>
    </message>
    <message>
        <source>Decision that cannot be placed</source>
        <translation>Beslut som inte kan placeras</translation>
    </message>
    <message>
        <source>Standard: {step}</source>
        <translation>Standard: {step}</translation>
    </message>
    <message>
        <source>Local: {step}</source>
        <translation>Lokalt: {step}</translation>
    </message>
    <message>
        <source>Decision: {decision}</source>
        <translation>Beslut: {decision}</translation>
    </message>
    <message>
        <source>Save Comparison</source>
        <translation>Spara jämförelse</translation>
    </message>
    <message>
        <source>Cannot Save Comparison</source>
        <translation>Det går inte att spara jämförelsen</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files, semicolon-separated (*.csv)</source>
        <translation>CSV-filer, semikolonseparerade (*.csv)</translation>
    </message>
    <message>
        <source>Export Change List</source>
        <translation>Exportera ändringslista</translation>
    </message>
    <message>
        <source>{local} compared with {standard}</source>
        <translation>{local} jämfört med {standard}</translation>
    </message>
    <message>
        <source>“{file}” could not be written. A file already there was not changed.</source>
        <translation>Det gick inte att skriva ”{file}”. En fil som redan fanns där har inte ändrats.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Det gick inte att exportera</translation>
    </message>
    <message>
        <source>Exported to “{file}”.</source>
        <translation>Exporterat till ”{file}”.</translation>
    </message>
    <message>
        <source>Save Comparison?</source>
        <translation>Spara jämförelsen?</translation>
    </message>
    <message>
        <source>The links and decisions of this comparison are not saved. Save them?</source>
        <translation>Kopplingarna och besluten i jämförelsen är inte sparade. Vill du spara dem?</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>Required to keep the local deviation</source>
        <extracomment>Lines of comment shown before the field scrolls. The user asked to record the decision entered.</extracomment>
        <translation>Krävs för att behålla den lokala avvikelsen</translation>
    </message>
    <message>
        <source>Who sees to it</source>
        <translation>Vem ansvarar</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Senast</translation>
    </message>
    <message>
        <source>&amp;Record Decision</source>
        <translation>&amp;Registrera beslut</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Beslut:</translation>
    </message>
    <message>
        <source>Justification:</source>
        <translation>Motivering:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ansvarig:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Klart senast:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Say why the local deviation is kept.</source>
        <translation>Skriv varför den lokala avvikelsen behålls.</translation>
    </message>
</context>
<context>
    <name>DiagramExportDialog</name>
    <message>
        <source>Export Diagram</source>
        <extracomment>Overlap of poster pages; 50 mm still leaves most of an A4 page for new drawing.</extracomment>
        <translation>Exportera diagram</translation>
    </message>
    <message>
        <source>PDF – for printing and sharing</source>
        <translation>PDF – för utskrift och delning</translation>
    </message>
    <message>
        <source>SVG – a picture that stays sharp at any size</source>
        <translation>SVG – en bild som är skarp i alla storlekar</translation>
    </message>
    <message>
        <source>PNG – a picture for documents and presentations</source>
        <translation>PNG – en bild för dokument och presentationer</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Automatic (landscape for a wide diagram)</source>
        <translation>Automatisk (liggande för ett brett diagram)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Stående</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Liggande</translation>
    </message>
    <message>
        <source>Fit on &amp;one page</source>
        <translation>Anpassa &amp;till en sida</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>At 100 % the diagram is as large as on the screen at actual size.</source>
        <translation>Vid 100 % blir diagrammet lika stort som på skärmen i verklig storlek.</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Neighbouring pages repeat this much of the drawing, so that they can be trimmed and glued together.</source>
        <translation>Intilliggande sidor upprepar så mycket av ritningen, så att de kan klippas till och klistras ihop.</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>P&amp;apper:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Storlek:</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Skala:</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n sida</numerusform>
            <numerusform>%n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>{pages}: {columns} across, {rows} down</source>
        <translation>{pages}: {columns} i bredd, {rows} i höjd</translation>
    </message>
    <message>
        <source>&amp;Process name, version, unit and date under the drawing</source>
        <translation>&amp;Processnamn, version, enhet och datum under ritningen</translation>
    </message>
    <message>
        <source>Title block:</source>
        <translation>Namnruta:</translation>
    </message>
    <message>
        <source>Poster over se&amp;veral pages</source>
        <translation>Affisch över f&amp;lera sidor</translation>
    </message>
    <message>
        <source>O&amp;rientation:</source>
        <translation>&amp;Orientering:</translation>
    </message>
    <message>
        <source>Over&amp;lap:</source>
        <translation>Ö&amp;verlapp:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Sidor:</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>96 dpi is the size on the screen at actual size; 192 dpi is twice as sharp, for print.</source>
        <translation>96 dpi ger storleken på skärmen i verklig storlek; 192 dpi är dubbelt så skarpt, för utskrift.</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Vit</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Genomskinlig</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Upplösning:</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>&amp;Bakgrund:</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <source>File Changed on Disk</source>
        <extracomment>A tab was saved to its (possibly new) path. A tab&apos;s file changed on disk and the user wants it read again.</extracomment>
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
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>SVG pictures (*.svg)</source>
        <translation>SVG-bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Exportera diagram</translation>
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
    <name>DurationEdit</name>
    <message>
        <source>None</source>
        <extracomment>The largest number the spin box offers. A number that takes the plural, for unit names without a number. Length of the units counted in seconds.</extracomment>
        <translation>Ingen</translation>
    </message>
    <message numerus="yes">
        <source>minute(s)</source>
        <translation>
            <numerusform>minut</numerusform>
            <numerusform>minuter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <translation>
            <numerusform>timme</numerusform>
            <numerusform>timmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>dag</numerusform>
            <numerusform>dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>vecka</numerusform>
            <numerusform>veckor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>månad</numerusform>
            <numerusform>månader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>år</numerusform>
            <numerusform>år</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline is written as “{text}”.</source>
        <translation>Tidsgränsen är skriven som ”{text}”.</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Markera allt</translation>
    </message>
    <message>
        <source>&amp;Tidy Up Layout</source>
        <translation>&amp;Städa upp layouten</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>Visa &amp;rutnät</translation>
    </message>
</context>
<context>
    <name>KeyValueTable</name>
    <message>
        <source>Key</source>
        <extracomment>Rows visible without scrolling: at least, and at most before the table scrolls.</extracomment>
        <translation>Nyckel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Add a property</source>
        <translation>Lägg till en egenskap</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove the selected property</source>
        <translation>Ta bort den markerade egenskapen</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>Step to introduce (in the standard only)</source>
        <translation>Steg att införa (finns bara i standarden)</translation>
    </message>
    <message>
        <source>Step to drop or justify (local only)</source>
        <translation>Steg att ta bort eller motivera (finns bara lokalt)</translation>
    </message>
    <message>
        <source>Changed step: role, order, decision, medium, time limit, message or data</source>
        <translation>Ändrat steg: roll, ordning, beslut, medium, tidsgräns, meddelande eller uppgifter</translation>
    </message>
    <message>
        <source>Renamed only</source>
        <translation>Endast annan benämning</translation>
    </message>
    <message>
        <source>Matched, unchanged</source>
        <translation>Motsvarar standarden, oförändrat</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Standard processes</source>
        <extracomment>The categories with a group of their own, in this order; the others go under &quot;Other standards&quot;. Changes on disk come in bursts (a copy, a save): the dock lists again once they settle. (the look&apos;s number, its LibraryListing) The user chose a process to open (read-only). A look through the folders finished and the dock shows what it found.</extracomment>
        <translation>Standardprocesser</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Reading standard processes…</source>
        <translation>Läser standardprocesser…</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Remisser</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Intyg</translation>
    </message>
    <message>
        <source>Other standards</source>
        <translation>Övriga standarder</translation>
    </message>
    <message>
        <source>No standard processes found</source>
        <translation>Inga standardprocesser hittades</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Kunde inte läsas</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifierare:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Giltig från:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ägare:</translation>
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
        <source>Open &amp;Sample Process…</source>
        <translation>Öppna e&amp;xempelprocess…</translation>
    </message>
    <message>
        <source>Refresh Standard Pro&amp;cesses</source>
        <translation>Upp&amp;datera standardprocesser</translation>
    </message>
    <message>
        <source>Co&amp;mpare with Standard…</source>
        <translation>J&amp;ämför med standard…</translation>
    </message>
    <message>
        <source>Open Compar&amp;ison…</source>
        <translation>Öppna jämförel&amp;se…</translation>
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
        <source>&amp;Diagram as PDF, SVG or PNG…</source>
        <translation>&amp;Diagram som PDF, SVG eller PNG…</translation>
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
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
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
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Inställningar…</translation>
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
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
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
        <source>P&amp;roperties</source>
        <translation>&amp;Egenskaper</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>Pro&amp;blem</translation>
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
        <extracomment>Issues listed in the tooltip of the status bar&apos;s issue count. Width of the library dock until the user resizes it: room for a process title and its version. The sample local variants beside the shipped standards (in a source checkout), for File &gt; Open Sample Process….</extracomment>
        <translation>Automatisk sparning misslyckades: {reason}</translation>
    </message>
    <message>
        <source>Draw a new process with File &gt; New, open a BPMN file with File &gt; Open…, drop one on this window, or double-click a standard process in the list.</source>
        <translation>Rita en ny process med Arkiv &gt; Ny, öppna en BPMN-fil med Arkiv &gt; Öppna…, släpp en fil i det här fönstret eller dubbelklicka på en standardprocess i listan.</translation>
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
        <source>“{file}” could not be opened.</source>
        <translation>Det gick inte att öppna ”{file}”.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detaljer: {detail}</translation>
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
        <source>&lt;h3&gt;Process Mapper {version}&lt;/h3&gt;&lt;p&gt;Map your care processes in BPMN 2.0 and compare them with the region&apos;s standard processes.&lt;/p&gt;</source>
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
    <name>PaletteToolBar</name>
    <message>
        <source>Palette</source>
        <extracomment>The palette&apos;s entries in sections: tools, events, activities, gateways, data and artifacts, pools. Icon drawings: a small box per type family, so the renderers&apos; strokes stay visible. The user chose a tool (``select``, ``connect``, ``participant``, ``lane``, ``group`` or a shape kind).</extracomment>
        <translation>Palett</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Markera</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Koppla</translation>
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
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Lägg till…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Further &amp;folders of standard processes:</source>
        <translation>Fler &amp;mappar med standardprocesser:</translation>
    </message>
    <message>
        <source>For example the region&apos;s shared folder. The standard processes that come with Process Mapper are always listed.</source>
        <translation>Till exempel regionens gemensamma mapp. Standardprocesserna som följer med Process Mapper visas alltid.</translation>
    </message>
    <message>
        <source>Add a Folder of Standard Processes</source>
        <translation>Lägg till en mapp med standardprocesser</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>Problem</source>
        <extracomment>Quiet time after the last edit before the findings are computed again. Height of the dock until the user resizes it: a handful of findings. Width of the element column until the user resizes it. A message for the status bar. The canvas whose next paint starts the validation of a tab just shown.</extracomment>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Problem (%n)</numerusform>
            <numerusform>Problem (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The element has no incoming and no outgoing sequence flow.</source>
        <translation>Elementet saknar både inkommande och utgående sekvensflöde.</translation>
    </message>
    <message>
        <source>A sequence flow enters the start event.</source>
        <translation>Ett sekvensflöde går in i starthändelsen.</translation>
    </message>
    <message>
        <source>A sequence flow leaves the end event.</source>
        <translation>Ett sekvensflöde går ut från sluthändelsen.</translation>
    </message>
    <message>
        <source>The sequence flow crosses a pool or sub-process boundary.</source>
        <translation>Sekvensflödet korsar gränsen för en pool eller delprocess.</translation>
    </message>
    <message>
        <source>The message flow connects two elements of the same pool.</source>
        <translation>Meddelandeflödet förbinder två element i samma pool.</translation>
    </message>
    <message>
        <source>The lane lists an element that is not in its process.</source>
        <translation>Simbanan listar ett element som inte hör till dess process.</translation>
    </message>
    <message>
        <source>Elements are outside every lane.</source>
        <translation>Element ligger utanför alla simbanor.</translation>
    </message>
    <message>
        <source>The process has no start event.</source>
        <translation>Processen saknar starthändelse.</translation>
    </message>
    <message>
        <source>The process has no end event.</source>
        <translation>Processen saknar sluthändelse.</translation>
    </message>
    <message>
        <source>The gateway has no outgoing sequence flow.</source>
        <translation>Grinden saknar utgående sekvensflöde.</translation>
    </message>
    <message>
        <source>The branch has neither a name nor a condition.</source>
        <translation>Grenen har varken namn eller villkor.</translation>
    </message>
    <message>
        <source>The default flow does not leave this element.</source>
        <translation>Standardflödet går inte ut från det här elementet.</translation>
    </message>
    <message>
        <source>The id is used more than once.</source>
        <translation>Id:t används mer än en gång.</translation>
    </message>
    <message>
        <source>A reference points to no element.</source>
        <translation>En referens pekar inte på något element.</translation>
    </message>
    <message>
        <source>The drawing refers to no element.</source>
        <translation>Ritningen hänvisar inte till något element.</translation>
    </message>
    <message>
        <source>A reference is empty.</source>
        <translation>En referens är tom.</translation>
    </message>
    <message>
        <source>The flow has no source or no target.</source>
        <translation>Flödet saknar källa eller mål.</translation>
    </message>
    <message>
        <source>The element is not drawn in this diagram.</source>
        <translation>Elementet är inte ritat i det här diagrammet.</translation>
    </message>
</context>
<context>
    <name>PropertiesDock</name>
    <message>
        <source>Properties</source>
        <extracomment>Lane names in a nested lane&apos;s path, e.g. &quot;Mottagning › Sjuksköterska&quot;. Width of the dock until the user resizes it. A message for the status bar (why a change was not made).</extracomment>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <source>What is done, by whom, and why</source>
        <translation>Vad som görs, av vem och varför</translation>
    </message>
    <message>
        <source>Saved when you leave the field or press Ctrl+Enter.</source>
        <translation>Sparas när du lämnar fältet eller trycker Ctrl+Retur.</translation>
    </message>
    <message>
        <source>The lane the step is drawn in: who does it.</source>
        <translation>Simbanan som steget är ritat i: vem som utför det.</translation>
    </message>
    <message>
        <source>e.g. journalsystem, Webcert</source>
        <translation>t.ex. journalsystem, Webcert</translation>
    </message>
    <message>
        <source>e.g. electronic, paper</source>
        <translation>t.ex. elektronisk, papper</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Dokumentation:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Roll:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation>Medium:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Tidsgräns:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Inte angiven</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifierare:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Giltig från:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ägare:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beskrivning:</translation>
    </message>
    <message>
        <source>Properties:</source>
        <translation>Egenskaper:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Read from the documentation text; a value entered here is saved as a property and takes precedence.</source>
        <translation>Hämtat från dokumentationstexten. Ett värde som du anger här sparas som en egenskap och gäller före texten.</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Inget dokument är öppet</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>Samarbete</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>Ingen simbana</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Intyg</translation>
    </message>
    <message>
        <source>There is a property “{key}” already.</source>
        <translation>Det finns redan en egenskap som heter ”{key}”.</translation>
    </message>
    <message>
        <source>Rename Property &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>Byt namn på egenskapen &apos;{old}&apos; till &apos;{new}&apos;</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <source>The file cannot be read.</source>
        <translation>Filen kan inte läsas.</translation>
    </message>
    <message>
        <source>The file is larger than the {size} MB Process Mapper opens.</source>
        <extracomment>The sentence for each problem code, translated when shown.</extracomment>
        <translation>Filen är större än de {size} MB som Process Mapper öppnar.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen är tom.</translation>
    </message>
    <message>
        <source>The file is not an XML file.</source>
        <translation>Filen är ingen XML-fil.</translation>
    </message>
    <message>
        <source>The file declares XML entities or refers to another file; Process Mapper refuses it.</source>
        <translation>Filen deklarerar XML-entiteter eller hänvisar till en annan fil; Process Mapper vägrar öppna den.</translation>
    </message>
    <message>
        <source>The elements are nested deeper than any BPMN file needs.</source>
        <translation>Elementen är nästlade djupare än någon BPMN-fil behöver.</translation>
    </message>
    <message>
        <source>The file ends before its XML is complete; it may be cut off.</source>
        <translation>Filen tar slut innan dess XML är komplett; den kan vara avklippt.</translation>
    </message>
    <message>
        <source>The file contains no XML document.</source>
        <translation>Filen innehåller inget XML-dokument.</translation>
    </message>
    <message>
        <source>The file is not well-formed XML; it may be damaged.</source>
        <translation>Filen är inte korrekt XML; den kan vara skadad.</translation>
    </message>
    <message>
        <source>The file is not BPMN 2.0 (BPMN 1.x, XPDL and draft files are not supported).</source>
        <translation>Filen är inte BPMN 2.0 (BPMN 1.x, XPDL och utkastversioner stöds inte).</translation>
    </message>
    <message>
        <source>The file is XML but not a BPMN 2.0 model.</source>
        <translation>Filen är XML men ingen BPMN 2.0-modell.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Filen finns inte.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>Detta är en mapp, inte en fil.</translation>
    </message>
    <message>
        <source>You do not have permission to read the file.</source>
        <translation>Du har inte behörighet att läsa filen.</translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation>Mappen finns inte.</translation>
    </message>
    <message>
        <source>This is not a folder.</source>
        <translation>Detta är ingen mapp.</translation>
    </message>
    <message>
        <source>The folder cannot be read.</source>
        <translation>Mappen kan inte läsas.</translation>
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
<context>
    <name>ShapeKinds</name>
    <message>
        <source>{element} (expanded)</source>
        <extracomment>Shape kinds that hold other shapes: a click on their body is a click on the canvas.</extracomment>
        <translation>{element} (expanderad)</translation>
    </message>
</context>
<context>
    <name>WriteError</name>
    <message>
        <source>You do not have permission to write there.</source>
        <translation>Du har inte behörighet att skriva där.</translation>
    </message>
</context>
</TS>
