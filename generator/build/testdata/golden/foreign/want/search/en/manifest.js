(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":3,"s":[""],"h":["9f970b52"],"r":"34524669","p":[]}]);
