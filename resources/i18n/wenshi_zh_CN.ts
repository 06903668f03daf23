<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Batch</name>
    <message>
        <source>%1 manuscripts (%2): %3 → %4</source>
        <translation>%1 篇稿件（%2）：%3 → %4</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>加上标签</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>去掉标签</translation>
    </message>
    <message>
        <source>Tag to add to %1 manuscripts (%2):</source>
        <translation>给这 %1 篇稿件（%2）加上的标签：</translation>
    </message>
    <message>
        <source>Tag to take from %1 manuscripts (%2):</source>
        <translation>从这 %1 篇稿件（%2）去掉的标签：</translation>
    </message>
    <message>
        <source>add tag %1: %2</source>
        <translation>加标签“%1”：%2</translation>
    </message>
    <message>
        <source>remove tag %1: %2</source>
        <translation>去标签“%1”：%2</translation>
    </message>
    <message>
        <source>review step → %1: %2 manuscripts</source>
        <translation>转%1：%2 篇稿件</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Hit %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>Next hit ▶</source>
        <translation>下一处 ▶</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Words (Word) %1   Han %2   Characters (no spaces) %3   Characters (with spaces) %4   Paragraphs %5   Layout words (%6) %7</source>
        <translation>字数(Word) %1   汉字 %2   字符数(不计空格) %3   字符数(计空格) %4   段落数 %5   版面字数(%6) %7</translation>
    </message>
    <message>
        <source>◀ Previous hit</source>
        <translation>◀ 上一处</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>No date received</source>
        <translation>无收稿日期</translation>
    </message>
    <message>
        <source>Not in a volume</source>
        <translation>未入辑</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Vol. %d</source>
        <translation>第%d辑</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>辑与栏目</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>收稿年份</translation>
    </message>
</context>
<context>
    <name>CandidatesDialog</name>
    <message>
        <source>%1 is another name of</source>
        <translation>“%1”是哪一条的另一名称</translation>
    </message>
    <message>
        <source>%1 names the list lacks, the most frequent first</source>
        <translation>名录尚缺的 %1 个名称，按出现次数排列</translation>
    </message>
    <message>
        <source>Add as an entry</source>
        <translation>收为新条目</translation>
    </message>
    <message>
        <source>Also written</source>
        <translation>其他写法</translation>
    </message>
    <message>
        <source>Another name of…</source>
        <translation>并入某条…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Manuscripts</source>
        <translation>篇数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Not a name</source>
        <translation>不是名称</translation>
    </message>
    <message>
        <source>Reading every manuscript…</source>
        <translation>正在读取全部稿件…</translation>
    </message>
    <message>
        <source>Stopped: no suggestions</source>
        <translation>已停止：没有建议</translation>
    </message>
    <message>
        <source>Suggested persons</source>
        <translation>建议收入的人名</translation>
    </message>
    <message>
        <source>Suggested places</source>
        <translation>建议收入的地名</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
</context>
<context>
    <name>CaptionDialog</name>
    <message>
        <source>Caption</source>
        <translation>图注</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>拍摄日期</translation>
    </message>
    <message>
        <source>Photo %d</source>
        <translation>图%d</translation>
    </message>
    <message>
        <source>Photographer</source>
        <translation>摄影者</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Looks like a near-duplicate of manuscript #%d</source>
        <translation>与稿件 #%d 疑似重复</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收稿日期</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>CatalogTable</name>
    <message>
        <source>Fit columns to the window</source>
        <translation>按窗口宽度排列各栏</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>%d manuscripts</source>
        <translation>%d 篇稿件</translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation>加上标签…</translation>
    </message>
    <message>
        <source>Add to volume…</source>
        <translation>编入分辑…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Copy title</source>
        <translation>复制题名</translation>
    </message>
    <message>
        <source>Filter by title or author</source>
        <translation>按标题或作者筛选</translation>
    </message>
    <message>
        <source>No manuscript selected</source>
        <translation>没有选中稿件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <source>Remove a tag…</source>
        <translation>去掉标签…</translation>
    </message>
    <message>
        <source>Review step</source>
        <translation>审稿</translation>
    </message>
    <message>
        <source>Review step for all</source>
        <translation>一起转审稿状态</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The manuscript open on the right is not in this list: the filters hide it.</source>
        <translation>右边打开的稿件不在这个列表里：被当前筛选条件隐藏了。</translation>
    </message>
    <message>
        <source>The selected manuscripts have no review step in common</source>
        <translation>选中的稿件没有共同可走的审稿步骤</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Vol. %d</source>
        <translation>第%d辑</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>→ %s…</source>
        <translation>→ %s…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Find in this manuscript (繁简 alike)</source>
        <translation>在本稿中查找（繁简通查）</translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation>下一处（F3）</translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation>上一处（Shift+F3）</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>  (current)</source>
        <translation>  （当前）</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较……</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Make revision %d the current text? The current text stays in the history.</source>
        <translation>将第 %d 版恢复为当前正文吗？现在的正文仍会保留在版本历史中。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Revision %1  %2  %3 words
%4</source>
        <translation>第 %1 版  %2  %3 字
%4</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>原为</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Add photos</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>图注…</translation>
    </message>
    <message>
        <source>Copy caption</source>
        <translation>复制图注</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>删除图片</translation>
    </message>
    <message>
        <source>Remove photo %1 from this manuscript? Undo brings it back.</source>
        <translation>从这篇稿件中删除图片 %1？可以撤销。</translation>
    </message>
    <message>
        <source>View photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <source>remove photo %1</source>
        <translation>删除图片 %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 files: %2 to import, %3 with problems</source>
        <translation>共 %1 个文件：%2 个可导入，%3 个有问题</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>收稿日期(&amp;R)</translation>
    </message>
    <message>
        <source>Already in the library as #%d: skipped</source>
        <translation>文库中已有（#%d），跳过</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled. What was already imported stays imported.</source>
        <translation>已取消。已经导入的稿件仍保留在文库中。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Import manuscripts</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <source>Imported %1, duplicates %2, failed %3</source>
        <translation>已导入 %1 篇，重复 %2 篇，失败 %3 篇</translation>
    </message>
    <message>
        <source>Looks like a near-duplicate of #%d</source>
        <translation>与 #%d 疑似重复</translation>
    </message>
    <message>
        <source>Manuscripts and scans (*.txt *.md *.docx *.doc *.wps *.rtf *.odt *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>稿件与扫描件 (*.txt *.md *.docx *.doc *.wps *.rtf *.odt *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Same bytes as %s: skipped</source>
        <translation>与 %s 内容完全相同，跳过</translation>
    </message>
    <message>
        <source>State after import</source>
        <translation>导入后状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1（进程 %2）</translation>
    </message>
    <message>
        <source>%1 holds nothing wenshi can import (text, Word, WPS, RTF, ODT, PDF or scanned pages).</source>
        <translation>%1 中没有可导入的文件（可导入文本、Word、WPS、RTF、ODT、PDF 和扫描页）。</translation>
    </message>
    <message>
        <source>%1 manuscripts · %2 words</source>
        <translation>%1 篇稿件 · %2 字</translation>
    </message>
    <message>
        <source>&amp;About wenshi</source>
        <translation>关于 wenshi(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Back up library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Copy citation of this manuscript</source>
        <translation>复制本稿引文(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find in this manuscript…</source>
        <translation>在本稿中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Manuscript</source>
        <translation>稿件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;New manuscript</source>
        <translation>新建稿件(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>打开文库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Proofread against the scan…</source>
        <translation>对照扫描件校对(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index</source>
        <translation>重建检索索引(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Recent libraries</source>
        <translation>最近的文库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Restore from trash</source>
        <translation>从回收站恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Search all manuscripts…</source>
        <translation>检索全部稿件(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（还没有）</translation>
    </message>
    <message>
        <source>&lt;b&gt;wenshi 文史&lt;/b&gt; %s&lt;br&gt;Archive manager for Chinese local-history publications.</source>
        <translation>&lt;b&gt;wenshi 文史&lt;/b&gt; %s&lt;br&gt;地方文史出版物档案管理软件。</translation>
    </message>
    <message>
        <source>About wenshi</source>
        <translation>关于 wenshi</translation>
    </message>
    <message>
        <source>Also open elsewhere: %1</source>
        <translation>另有 %1 个程序打开了本文库</translation>
    </message>
    <message>
        <source>Back up library</source>
        <translation>备份文库</translation>
    </message>
    <message>
        <source>Backed up to %s</source>
        <translation>已备份到 %s</translation>
    </message>
    <message>
        <source>Building the search index: %1 of %2 manuscripts</source>
        <translation>正在建立检索索引：%1 / %2 篇</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import a &amp;published volume (PDF)…</source>
        <translation>导入已出版的一辑(PDF)(&amp;P)…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Load the &amp;sample library</source>
        <translation>载入示例文库(&amp;S)</translation>
    </message>
    <message>
        <source>Loading the sample library…</source>
        <translation>正在载入示例文库…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Manuscripts</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Move %1 manuscript(s) to the trash: %2? They can be restored.</source>
        <translation>将 %1 篇稿件移到回收站：%2？之后仍可恢复。</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>没有可导入的文件</translation>
    </message>
    <message>
        <source>Open a manuscript first</source>
        <translation>请先打开一篇稿件</translation>
    </message>
    <message>
        <source>Open or create a library</source>
        <translation>打开或新建文库</translation>
    </message>
    <message>
        <source>Persons and places</source>
        <translation>人物与地名</translation>
    </message>
    <message>
        <source>Removed %d temporary files left by an interrupted run</source>
        <translation>已清理上次意外中断留下的 %d 个临时文件</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>检索(&amp;E)</translation>
    </message>
    <message>
        <source>Sample library loaded: %d manuscripts</source>
        <translation>示例文库已载入：%d 篇稿件</translation>
    </message>
    <message>
        <source>Se&amp;lected manuscripts</source>
        <translation>选中的稿件(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Search index rebuilt: %d manuscripts</source>
        <translation>检索索引已重建：%d 篇稿件</translation>
    </message>
    <message>
        <source>Select manuscripts in the Manuscripts view</source>
        <translation>请先在“稿件”视图中选中稿件</translation>
    </message>
    <message>
        <source>The library was upgraded; a copy of the old database is at %s</source>
        <translation>文库已升级到新版本；升级前的数据库副本保存在 %s</translation>
    </message>
    <message>
        <source>Their changes appear here within seconds; saving over a change you have not seen yet is refused, never silently overwritten.
%1</source>
        <translation>它们的改动几秒内就会显示在这里；要覆盖您还没看到的改动时，保存会被拒绝，绝不悄悄覆盖。
%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>分辑编排</translation>
    </message>
    <message>
        <source>move to trash: %1</source>
        <translation>移入回收站：%1</translation>
    </message>
    <message>
        <source>wenshi 文史 — %s</source>
        <translation>wenshi 文史 — %s</translation>
    </message>
</context>
<context>
    <name>ManuscriptEditor</name>
    <message>
        <source>&amp;Open original file</source>
        <translation>打开原始文件(&amp;O)</translation>
    </message>
    <message>
        <source>, pages %1 of the file</source>
        <translation>，原件第 %1 页</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>通讯地址</translation>
    </message>
    <message>
        <source>Author&apos;s unit</source>
        <translation>作者单位</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <source>Check the text page by page against the scanned pages (%1 read by OCR)</source>
        <translation>逐页对照扫描件核对文字（%1 页经 OCR 识别）</translation>
    </message>
    <message>
        <source>Compiled by</source>
        <translation>整理</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>稿件信息</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <source>History</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>作者身份</translation>
    </message>
    <message>
        <source>Narrated by</source>
        <translation>口述</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Opens a copy under its own name: the archived file stays as it came</source>
        <translation>以原来的文件名打开一份副本：文库里存档的文件保持原样</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Proofread against the scan…</source>
        <translation>对照扫描件校对…</translation>
    </message>
    <message>
        <source>Reading manuscript #%1…</source>
        <translation>正在读取稿件 #%1…</translation>
    </message>
    <message>
        <source>Reason for this change (kept in the history)</source>
        <translation>修改说明（记入版本历史）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收稿日期</translation>
    </message>
    <message>
        <source>Received via</source>
        <translation>来稿方式</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Reload shows their version and drops your edits. Save mine keeps your edits as the newest version; theirs stays in the history.</source>
        <translation>“重新载入”显示对方保存的版本，放弃您的修改；“保存我的”把您的修改存为最新版本，对方的修改保留在历史中。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审稿</translation>
    </message>
    <message>
        <source>Running heads (not counted)</source>
        <translation>页眉页脚（不计字数）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save mine</source>
        <translation>保存我的</translation>
    </message>
    <message>
        <source>Save the changes to “%s” first?</source>
        <translation>是否先保存对“%s”的修改？</translation>
    </message>
    <message>
        <source>Search by them with period:1930-1939 or period:民国</source>
        <translation>检索时可用 时期:1930-1939 或 时期:民国</translation>
    </message>
    <message>
        <source>Section wished</source>
        <translation>拟投栏目</translation>
    </message>
    <message>
        <source>Separate names with 、</source>
        <translation>多人姓名以“、”分隔</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>修改尚未保存</translation>
    </message>
    <message>
        <source>Years mentioned</source>
        <translation>提到的年代</translation>
    </message>
    <message>
        <source>&#x3000;(in the trash)</source>
        <translation>&#x3000;（在回收站中）</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Another name of %1</source>
        <translation>%1 的另一名称</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>生卒</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>NamesView</name>
    <message>
        <source>Add a name…</source>
        <translation>添加名称…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export names</source>
        <translation>导出名录</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Export the list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Import names</source>
        <translation>导入名录</translation>
    </message>
    <message>
        <source>Mentioned in %1 manuscript(s)</source>
        <translation>提到它的稿件：%1 篇</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Names the texts and by-lines use most that the list lacks: add, merge or reject</source>
        <translation>正文和署名中最常见、名录尚未收入的名称：可收入、并入或排除</translation>
    </message>
    <message>
        <source>Names used</source>
        <translation>所用名称</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>新建条目…</translation>
    </message>
    <message>
        <source>No entry yet: add a person or place with its names.</source>
        <translation>名录为空：请新建人物或地名，并添加其各个名称。</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>摘录</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove %1 with all its names?</source>
        <translation>删除“%1”及其全部名称？</translation>
    </message>
    <message>
        <source>Remove the name %1 of %2?</source>
        <translation>删除“%2”的名称“%1”？</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Search under all its names</source>
        <translation>按全部名称检索</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>电子表格 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Suggestions from the archive…</source>
        <translation>从稿件中找候选…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>Volume %1</source>
        <translation>第%1辑</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>%1 manuscripts</source>
        <translation>%1 篇稿件</translation>
    </message>
    <message>
        <source>(no section yet: add one in the Volumes view)</source>
        <translation>（尚无栏目：请先在“分辑编排”中添加）</translation>
    </message>
    <message>
        <source>Add to volume</source>
        <translation>编入分辑</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>There is no volume to add to: create one in the Volumes view (a published volume is closed).</source>
        <translation>没有可以编入的辑：请先在“分辑编排”中新建一辑（已出版的辑不能再改）。</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>place %1 in %2</source>
        <translation>把%1编入“%2”</translation>
    </message>
</context>
<context>
    <name>ProofreadDialog</name>
    <message>
        <source>&lt;span style=&quot;color:#d62728&quot;&gt;▢&lt;/span&gt; OCR unsure (confidence under 80%)&#x3000;&lt;span style=&quot;color:#2ca02c&quot;&gt;▢&lt;/span&gt; corrected&#x3000;&lt;span style=&quot;color:#1e6edc&quot;&gt;▣&lt;/span&gt; at the cursor</source>
        <translation>&lt;span style=&quot;color:#d62728&quot;&gt;▢&lt;/span&gt; OCR 没有把握（置信度低于 80%）&#x3000;&lt;span style=&quot;color:#2ca02c&quot;&gt;▢&lt;/span&gt; 已改正&#x3000;&lt;span style=&quot;color:#1e6edc&quot;&gt;▣&lt;/span&gt; 光标所在</translation>
    </message>
    <message>
        <source>Click a character on the scan to find it in the text.</source>
        <translation>在扫描件上点击一个字，即可在文字中找到它。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Next unsure character ▶</source>
        <translation>下一个存疑字 ▶</translation>
    </message>
    <message>
        <source>No more unsure characters after this one.</source>
        <translation>后面没有存疑的字了。</translation>
    </message>
    <message>
        <source>No scan of this page</source>
        <translation>这一页没有扫描件</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>OCR did not read this page.</source>
        <translation>这一页不是 OCR 识别的。</translation>
    </message>
    <message>
        <source>OCR read “%1” here (%2% sure)</source>
        <translation>OCR 在此识别为“%1”（置信度 %2%）</translation>
    </message>
    <message>
        <source>OCR read “%1” here (%2% sure); corrected to “%3”</source>
        <translation>OCR 在此识别为“%1”（置信度 %2%），已改为“%3”</translation>
    </message>
    <message>
        <source>OCR read “%1” here (%2% sure); not in this text</source>
        <translation>OCR 在此识别为“%1”（置信度 %2%），本文中没有这个字</translation>
    </message>
    <message>
        <source>Page %1 (page %2 of the file) · %3</source>
        <translation>第 %1 页（原件第 %2 页）· %3</translation>
    </message>
    <message>
        <source>Page %1 of the file · %2</source>
        <translation>原件第 %1 页 · %2</translation>
    </message>
    <message>
        <source>Page %1 · %2</source>
        <translation>第 %1 页 · %2</translation>
    </message>
    <message>
        <source>Proofread against the scan</source>
        <translation>对照扫描件校对</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Rendering the page…</source>
        <translation>正在显示页面…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the corrections to “%s” first?</source>
        <translation>先保存对“%s”的校改吗？</translation>
    </message>
    <message>
        <source>Select the next character OCR was unsure of (F3)</source>
        <translation>选中下一个 OCR 没有把握的字（F3）</translation>
    </message>
    <message>
        <source>Unsaved corrections</source>
        <translation>校改未保存</translation>
    </message>
    <message>
        <source>Unsure characters on this page: %1 (corrected: %2)</source>
        <translation>本页存疑字：%1 个（已改正 %2 个）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>缩小（Ctrl+−）</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Current state: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>当前状态：&lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>review step %1: 《%2》</source>
        <translation>审稿 %1：《%2》</translation>
    </message>
    <message>
        <source>→ %s</source>
        <translation>→ %s</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>%1 in the text</source>
        <translation>正文 %1 处</translation>
    </message>
    <message>
        <source>%1 in the title</source>
        <translation>题名 %1 处</translation>
    </message>
    <message>
        <source>%1 manuscripts match; showing %2–%3</source>
        <translation>共 %1 篇稿件符合，显示第 %2–%3 篇</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1年代</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Building the search index (once for this library): %1 of %2 manuscripts…</source>
        <translation>正在建立检索索引（本文库只需一次）：%1 / %2 篇…</translation>
    </message>
    <message>
        <source>By period the texts mention</source>
        <translation>按文中年代</translation>
    </message>
    <message>
        <source>By state</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>By volume</source>
        <translation>按辑</translation>
    </message>
    <message>
        <source>Copy the hits with title and page</source>
        <translation>复制命中文字（附题名和页码）</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收稿日期</translation>
    </message>
    <message>
        <source>Include rejected</source>
        <translation>包括退稿</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Not in a volume</source>
        <translation>未入辑</translation>
    </message>
    <message>
        <source>Nothing found for “%s”</source>
        <translation>没有找到与“%s”相符的稿件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Search every volume: a name, a place, a phrase…</source>
        <translation>检索各辑稿件：人名、地名、词句…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Spaces: all terms · OR: either · -term: without · &quot;a phrase&quot; · ( ) groups · title: author: volume:10-17 section: status: year:2020-2022 tag: person: place: period:1930-1939</source>
        <translation>空格：同时包含 · OR：任一即可 · -词：排除 · &quot;短语&quot;：整句匹配 · ( )：分组 · 字段：题名: 作者: 辑:10-17 栏目: 状态: 年份:2020-2022 标签: 人物: 地名: 时期:1930-1939（英文 title: author: volume: … 亦可）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑次</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
</context>
<context>
    <name>VolumeBuilder</name>
    <message>
        <source>%1 articles · %2 words (Han %3) · layout words %4 · %5 photos · about %6 pages (%7, %8×%9)</source>
        <translation>%1 篇 · %2 字（汉字 %3）· 版面字数 %4 · 图片 %5 幅 · 约 %6 页（%7，%8×%9）</translation>
    </message>
    <message>
        <source>%1 of target %2 words (%p%)</source>
        <translation>%1 / 目标 %2 字（%p%）</translation>
    </message>
    <message>
        <source>%1 pieces</source>
        <translation>%1 篇</translation>
    </message>
    <message>
        <source>%1&#x3000;(%2)</source>
        <translation>%1&#x3000;（%2篇）</translation>
    </message>
    <message>
        <source>Accepted and held, in no volume (drag into a section)</source>
        <translation>已采用、待用但未入辑的稿件（拖入栏目）</translation>
    </message>
    <message>
        <source>Add a section first.</source>
        <translation>请先添加栏目。</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加栏目</translation>
    </message>
    <message>
        <source>Add section…</source>
        <translation>添加栏目…</translation>
    </message>
    <message>
        <source>Add to volume</source>
        <translation>编入本辑</translation>
    </message>
    <message>
        <source>Add to volume %1</source>
        <translation>编入第 %1 辑</translation>
    </message>
    <message>
        <source>Contents preview</source>
        <translation>目录预览</translation>
    </message>
    <message>
        <source>Export contents</source>
        <translation>导出目录</translation>
    </message>
    <message>
        <source>Export contents…</source>
        <translation>导出目录…</translation>
    </message>
    <message>
        <source>Export index</source>
        <translation>导出索引</translation>
    </message>
    <message>
        <source>Export volume</source>
        <translation>导出本辑</translation>
    </message>
    <message>
        <source>Export volume with both indexes…</source>
        <translation>导出本辑（附人名、地名索引）…</translation>
    </message>
    <message>
        <source>Export volume…</source>
        <translation>导出本辑…</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Index of persons (人名索引)…</source>
        <translation>人名索引…</translation>
    </message>
    <message>
        <source>Index of places (地名索引)…</source>
        <translation>地名索引…</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move section down</source>
        <translation>栏目下移</translation>
    </message>
    <message>
        <source>Move section up</source>
        <translation>栏目上移</translation>
    </message>
    <message>
        <source>Move to section</source>
        <translation>移到栏目</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>新建辑</translation>
    </message>
    <message>
        <source>New volume…</source>
        <translation>新建辑…</translation>
    </message>
    <message>
        <source>No section</source>
        <translation>没有栏目</translation>
    </message>
    <message>
        <source>No volume yet: create one with “New volume…”.</source>
        <translation>还没有辑：请先用“新建辑…”创建。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Payment sheet</source>
        <translation>稿酬表</translation>
    </message>
    <message>
        <source>Payment sheet…</source>
        <translation>稿酬表…</translation>
    </message>
    <message>
        <source>Place in section</source>
        <translation>编入栏目</translation>
    </message>
    <message>
        <source>Rate for manuscripts without their own (yuan per 1,000 words)</source>
        <translation>未单独定稿酬标准的稿件按此计酬（元/千字）</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除栏目</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>重命名栏目</translation>
    </message>
    <message>
        <source>Rename section…</source>
        <translation>重命名栏目…</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>已保存 %s</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Section name</source>
        <translation>栏目名称</translation>
    </message>
    <message>
        <source>Take out of volume</source>
        <translation>移出本辑</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>Volume number</source>
        <translation>辑次</translation>
    </message>
    <message>
        <source>Volume settings…</source>
        <translation>辑的设置…</translation>
    </message>
    <message>
        <source>add section %1</source>
        <translation>添加栏目“%1”</translation>
    </message>
    <message>
        <source>move %1</source>
        <translation>移动%1</translation>
    </message>
    <message>
        <source>move section %1</source>
        <translation>移动栏目 %1</translation>
    </message>
    <message>
        <source>place %1 in %2</source>
        <translation>把%1编入“%2”</translation>
    </message>
    <message>
        <source>remove section %1</source>
        <translation>删除栏目“%1”</translation>
    </message>
    <message>
        <source>rename section %1 to %2</source>
        <translation>栏目“%1”改名为“%2”</translation>
    </message>
    <message>
        <source>take out of the volume: %1</source>
        <translation>移出本辑：%1</translation>
    </message>
    <message>
        <source>◀ Place in section…</source>
        <translation>◀ 编入栏目…</translation>
    </message>
</context>
<context>
    <name>VolumeImportDialog</name>
    <message>
        <source>%1

Import the PDF as one document with its pages instead? It can be split up later.</source>
        <translation>%1

改为把这个 PDF 作为一篇带页码的文档导入吗？以后可以再分篇。</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored. The pages OCR has read are kept, so the next import continues from them.</source>
        <translation>已取消，没有存入任何内容。OCR 已识别的页面会保留，下次导入从中断处继续。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Choose the volume&apos;s PDF</source>
        <translation>选择这一辑的 PDF</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Every page (always)</source>
        <translation>所有页面（always）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a published volume</source>
        <translation>导入已出版的一辑</translation>
    </message>
    <message>
        <source>Imported as one document: #%1 “%2”, %3 words.</source>
        <translation>已作为一篇文档导入：#%1《%2》，%3 字。</translation>
    </message>
    <message>
        <source>Importing %s as one document…</source>
        <translation>正在把 %s 作为一篇文档导入…</translation>
    </message>
    <message>
        <source>No OCR (never)</source>
        <translation>不用 OCR（never）</translation>
    </message>
    <message>
        <source>No contents found</source>
        <translation>没有找到目录</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR 识别</translation>
    </message>
    <message>
        <source>OCR: page %1 of %2</source>
        <translation>OCR 识别：第 %1 / %2 页</translation>
    </message>
    <message>
        <source>Only for an encrypted PDF</source>
        <translation>仅加密的 PDF 需要</translation>
    </message>
    <message>
        <source>Optional: read from the cover when empty</source>
        <translation>可不填：留空则取封面上的书名</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All files (*)</source>
        <translation>PDF (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Pages without a text layer (auto)</source>
        <translation>没有文字层的页面（auto）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>正在读取 %s…</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>The volume&apos;s PDF (printer&apos;s file or scan)</source>
        <translation>这一辑的 PDF（印刷厂的文件或扫描件）</translation>
    </message>
    <message>
        <source>The 目录 is read from the first pages; each article is cut out at its page and stored as a published piece of the volume, the PDF as its source.</source>
        <translation>从前几页读出目录，按页码把每篇文章分出来，作为这一辑的已刊稿件存入，PDF 作为原始文件。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Volume %1: %2 articles from %3 pages (%4 read by OCR), stored as published.</source>
        <translation>第 %1 辑：从 %3 页中分出 %2 篇（其中 %4 页经 OCR 识别），已作为已刊稿件存入。</translation>
    </message>
    <message>
        <source>Volume number</source>
        <translation>辑号</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>VolumeSettingsDialog</name>
    <message>
        <source>Characters per line</source>
        <translation>每行字数</translation>
    </message>
    <message>
        <source>Each article starts a new page</source>
        <translation>每篇另起一页</translation>
    </message>
    <message>
        <source>Each article starts on a right-hand page</source>
        <translation>每篇从右页（单页码）起排</translation>
    </message>
    <message>
        <source>Editor (person or body)</source>
        <translation>主编/编者（个人或机构）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>开本</translation>
    </message>
    <message>
        <source>Front matter pages</source>
        <translation>前置页页数</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>Internal material (内部资料, printed under a permit)</source>
        <translation>内部资料（凭准印证印行）</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Lines a photo takes</source>
        <translation>每幅图片占行数</translation>
    </message>
    <message>
        <source>Lines a section heading takes</source>
        <translation>栏目标题占行数</translation>
    </message>
    <message>
        <source>Lines a title takes</source>
        <translation>文章标题占行数</translation>
    </message>
    <message>
        <source>Lines per page</source>
        <translation>每页行数</translation>
    </message>
    <message>
        <source>Permit number (准印证号)</source>
        <translation>准印证号</translation>
    </message>
    <message>
        <source>Place of publication</source>
        <translation>出版地</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>出版信息</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版者</translation>
    </message>
    <message>
        <source>Series title (书名)</source>
        <translation>书名（丛书名）</translation>
    </message>
    <message>
        <source>State (published marks every piece 已刊 with its start page)</source>
        <translation>状态（设为“已出版”时，各篇记为已刊并记下起始页）</translation>
    </message>
    <message>
        <source>Target words</source>
        <translation>目标字数</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>辑</translation>
    </message>
    <message>
        <source>Volume %d settings</source>
        <translation>第%d辑设置</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
</context>
<context>
    <name>VolumeTree</name>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Section / title</source>
        <translation>栏目 / 标题</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Library: %s</source>
        <translation>文库位置：%s</translation>
    </message>
    <message>
        <source>Load the sample library</source>
        <translation>载入示例文库</translation>
    </message>
    <message>
        <source>This library is empty. Import the manuscripts you have — .txt in any Chinese encoding, .md or .docx, a whole folder at once — or load the sample library (two volumes of 《灵武文史》 and a few manuscripts in review) to look around first.</source>
        <translation>文库还是空的。可以导入手头的稿件——任何中文编码的 .txt、.md 或 .docx，可一次导入整个文件夹；也可以先载入示例文库（两辑《灵武文史》和几篇正在审稿的稿件）熟悉一下。</translation>
    </message>
    <message>
        <source>Welcome to wenshi 文史</source>
        <translation>欢迎使用 wenshi 文史</translation>
    </message>
</context>
<context>
    <name>citing</name>
    <message>
        <source>%2 citations copied (%1)</source>
        <translation>已复制 %2 条引文（%1）</translation>
    </message>
    <message>
        <source>Citation copied (%1)</source>
        <translation>引文已复制（%1）</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>复制引文</translation>
    </message>
    <message>
        <source>Only a piece placed in a volume can be cited (by its volume and pages)</source>
        <translation>只有编入某辑的稿件才能引用（按辑和页码）</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Opinion (recorded in the review trail; Ctrl+Enter records)</source>
        <translation>意见（记入审稿记录；Ctrl+Enter 提交）</translation>
    </message>
    <message>
        <source>Record %s</source>
        <translation>记为%s</translation>
    </message>
    <message>
        <source>Review: %s</source>
        <translation>审稿：%s</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you saved is lost; the program keeps running. Please copy the details below into a bug report.</source>
        <translation>程序出现意外错误。已保存的内容不会丢失，程序仍可继续使用。请将下面的详细信息复制到问题报告中。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>%1 words</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <source>Volume %1 · %2</source>
        <translation>第%1辑 · %2</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第%1页</translation>
    </message>
</context>
</TS>
